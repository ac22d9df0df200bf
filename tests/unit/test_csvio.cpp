// Tests for lib/csvio/.
#include <doctest/doctest.h>
