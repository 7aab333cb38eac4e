// Boost.JSON compiled from its headers into the fuzz build, instrumented like our code.
#include <boost/json/src.hpp>
