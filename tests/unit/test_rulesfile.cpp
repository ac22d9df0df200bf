// Tests for lib/rulesfile/.
#include <doctest/doctest.h>
