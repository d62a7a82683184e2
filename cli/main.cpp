#include <cstdio>
int main() { std::puts("scaffold"); return 0; }
