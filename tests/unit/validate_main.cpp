#define BOOST_TEST_MODULE validate
#include <boost/test/unit_test.hpp>
