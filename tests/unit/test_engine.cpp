// Tests for lib/engine/.
#include <doctest/doctest.h>
