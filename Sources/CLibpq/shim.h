#ifndef CLINIC_CLIBPQ_SHIM_H
#define CLINIC_CLIBPQ_SHIM_H
#include <postgresql/libpq-fe.h>
#include <poll.h>

/* PG_DIAG_* are macros over char literals; expose them as functions. */
static inline int clinic_diag_sqlstate(void) { return 'C'; }
static inline int clinic_diag_constraint(void) { return 'n'; }
static inline int clinic_diag_message_primary(void) { return 'M'; }
static inline int clinic_diag_message_detail(void) { return 'D'; }
static inline int clinic_diag_severity(void) { return 'V'; }
#endif
