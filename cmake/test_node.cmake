# The Node that runs the test tools (Playwright, the OpenAPI checker): the pinned one that
# scripts/deps.sh test installs into tools/node, never whatever Node the machine has (Debian 12
# ships 18; playwright-core wants 20). Looked up at every configure, no cache entry.
# `make run` never uses it: the portal's build runs on the system Node.
file(GLOB ACCORD_PINNED_NODE ${PROJECT_SOURCE_DIR}/tools/node/node_modules/node-linux-*/bin/node)
if(ACCORD_PINNED_NODE)
  list(GET ACCORD_PINNED_NODE 0 ACCORD_TEST_NODE)
  message(STATUS "Node for the test tools: ${ACCORD_TEST_NODE}")
else()
  set(ACCORD_TEST_NODE "")
  message(STATUS "No pinned Node in tools/node: run scripts/deps.sh test (the Node tests fail)")
endif()
