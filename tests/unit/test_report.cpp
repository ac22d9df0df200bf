// Tests for lib/report/.
#include <doctest/doctest.h>
