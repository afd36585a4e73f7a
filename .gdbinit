# .gdbinit - debug the Kestrel kernel: `make qemu-gdb` in one terminal, then
# `gdb -n -x .gdbinit` here (or plain `gdb`, if your ~/.gdbinit has
# "add-auto-load-safe-path" for this directory). tools/kgdb.py teaches gdb
# the trap frame: `bt` goes from the kernel through it into the user program.
set confirm off
set pagination off
set print frame-arguments all
set architecture i386
set disassembly-flavor intel
file kernel.elf
source tools/kgdb.py
target remote :1234
echo Connected to QEMU. Try: hbreak kern_ptrace, continue, bt, info args.\n
