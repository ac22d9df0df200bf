// Tests for lib/store/.
#include <doctest/doctest.h>
