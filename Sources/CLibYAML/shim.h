#ifndef COSTGATE_CLIBYAML_SHIM_H
#define COSTGATE_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
