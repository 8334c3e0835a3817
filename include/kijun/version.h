#ifndef KIJUN_VERSION_H
#define KIJUN_VERSION_H

#define KIJUN_VERSION "0.1.0"

#endif
