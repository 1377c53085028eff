#ifndef CLINIC_CCRYPT_SHIM_H
#define CLINIC_CCRYPT_SHIM_H
#include <crypt.h>
#endif
