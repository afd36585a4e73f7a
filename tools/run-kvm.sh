#!/bin/sh
# run-kvm.sh QEMU-ARGS... - `make run` with KVM, for hosts whose hardware
# virtualisation can run an i386 guest. First a short probe boot (the kernel's
# self-tests) checks that KVM really runs Kestrel; where it can't (no
# /dev/kvm, or a hypervisor that faults when the guest turns on paging, as
# on the development machines) it says so plainly instead of hanging.
set -u
if [ ! -w /dev/kvm ]; then
	echo "run-kvm: /dev/kvm is missing or not writable: this host has no usable KVM." >&2
	echo "run-kvm: use 'make run' (plain emulation) instead." >&2
	exit 1
fi
qemu=$1
kernel="" initrd="" prev=""
for a in "$@"; do
	case "$prev" in
	-kernel) kernel=$a ;;
	-initrd) initrd=$a ;;
	esac
	prev=$a
done
timeout 20 "$qemu" -accel kvm -m 64 -display none -vga none -net none -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=4 -kernel "$kernel" \
	-initrd "$initrd" -append "selftest=halt test" -serial null \
	>/dev/null 2>&1
if [ $? -ne 1 ]; then
	echo "run-kvm: KVM is present but cannot run this i386 guest (the probe boot" >&2
	echo "run-kvm: did not finish; some hypervisors fault as soon as a 32-bit guest" >&2
	echo "run-kvm: enables paging). Use 'make run' (plain emulation) instead." >&2
	exit 1
fi
shift
exec "$qemu" -accel kvm "$@"
