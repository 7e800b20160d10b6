#ifndef STACKVERIFY_COPENSSL_SHIM_H
#define STACKVERIFY_COPENSSL_SHIM_H
// Only the digest and MAC entry points StackVerify needs for SigV4 (OpenSSL 3 API).
#include <openssl/evp.h>
#include <openssl/err.h>
#endif
