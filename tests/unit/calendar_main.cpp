#define BOOST_TEST_MODULE calendar
#include <boost/test/unit_test.hpp>
