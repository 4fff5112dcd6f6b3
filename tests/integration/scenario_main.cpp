#define BOOST_TEST_MODULE scenarios
#include <boost/test/unit_test.hpp>
