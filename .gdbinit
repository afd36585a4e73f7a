# .gdbinit - debug the Kestrel kernel: `make qemu-gdb` in one terminal, then
# `gdb -n -x .gdbinit` here (or plain `gdb`, if your ~/.gdbinit has
# "add-auto-load-safe-path" for this directory).
set confirm off
set architecture i386
set disassembly-flavor intel
file kernel.elf
target remote :1234
echo Connected to QEMU. Try: hbreak kmain, continue, bt, info registers.\n
