#define BOOST_TEST_MODULE lifecycle
#include <boost/test/unit_test.hpp>
