// The whole Boost.JSON implementation, compiled once for the project.
#include <boost/json/src.hpp>
