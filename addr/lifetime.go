package addr

// InfinityLife is INFINITY_LIFE_TIME: the valid or preferred lifetime of
// an address that does not expire (iproute2 prints it as "forever").
const InfinityLife = 0xffffffff

const infinityLife = InfinityLife
