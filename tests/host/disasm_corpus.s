# disasm_corpus.s - encodings for test_disasm.c that Kestrel's binaries do not
# (yet) contain, so the disassembler is checked against objdump on them too.
# No labels: a branch target prints as a bare address in an object file.
	.text
# integer: every ALU form, sizes, prefixes, addressing
	add %al,(%ebx)
	or %eax,0x10(%ebx,%esi,4)
	adc (%ecx),%dl
	sbb -0x80(%ebp),%ecx
	and $0x7f,%al
	sub $0x12345678,%eax
	xor $0x1,%bx
	cmpb $0x80,0x1234
	addw $0xfff0,(%eax)
	andl $0xfffffff0,%esp
	imul $0x12345,%ecx,%edx
	imul $-4,%eax,%eax
	imul (%eax),%ecx
	imull 4(%esp)
	mulb %cl
	idivw (%esi)
	notl (%edi)
	negw %ax
	testb $0x40,(%esi,%ecx,1)
	test %edx,(%eax)
	incw %ax
	decb (%eax)
	rol %cl,%al
	rorl $3,(%eax)
	rcl %eax
	rcrb (%ebx)
	sar $31,%edx
	shlw %cl,(%esi)
	shld $4,%eax,%ebx
	shrd %cl,%edx,(%ecx)
	bt %ecx,(%eax)
	btsl $5,(%eax)
	btr $1,%eax
	btc %eax,%ebx
	bsf (%eax),%edx
	bswap %esi
	xadd %al,(%ebx)
	lock cmpxchg %ecx,(%edx)
	lock incl (%eax)
	cmpxchg8b (%esi)
	xchg %eax,%edx
	xchg %bl,(%ecx)
	cmove %ecx,%eax
	cmovge (%ebx),%edx
	setae (%eax)
	setl %cl
	movzbw (%eax),%ax
	movswl %ax,%ecx
	movsbw %al,%dx
	mov %fs:0x10,%eax
	mov 0x804e118,%al
	mov %ax,0x804e118
	mov %gs:(%ebx),%ecx
	mov %es,%eax
	mov %ax,%es
	movw $0x1234,0x8(%ebp)
	movb $0xff,-0x1(%ebp,%eax,2)
	lea 0x0(,%eax,8),%edx
	lea (%esp,%eax,2),%ecx
	lea 0x12345678(%ebx,%edi,8),%esi
	push %es
	pop %ds
	push %fs
	pop %gs
	pushw $0x10
	pushl 0x8(%ebp)
	popl (%eax)
	pushaw
	popfw
	cbtw
	cwtd
	sahf
	lahf
	cmc
	clc
	stc
	sti
	daa
	aas
	aam $0x10
	aad
	xlat
	enter $0x10,$0x1
	leave
	ret $0x8
	lret
	lret $0x4
	iret
	iretw
	int $0x80
	int3
	into
	int1
	hlt
	pause
	nop
	nopl 0x0(%eax,%eax,1)
	nopw %cs:0x0(%eax,%eax,1)
	xchg %ax,%ax
	ud2
	endbr32
	repz ret
	rep movsl
	rep stosb
	repnz scasb
	repz cmpsl
	lodsw
	movsw
	insw
	outsb
	in $0x60,%al
	in (%dx),%eax
	out %ax,$0x80
	out %al,(%dx)
	call *%eax
	call *0x8(%ebx)
	jmp *0x804e118(,%eax,4)
	lcall *(%eax)
	ljmp *0x10(%ebx)
	lcall $0x8,$0x1000
	ljmp $0x10,$0xc0100000
	jecxz .+2
	loop .+2
	loope .+2
	loopne .+2
	jo .+0x100
	js .-0x10
	call .+0x1000
	jmp .+0x7f
# system
	lgdt (%eax)
	lidt 0x6(%esp)
	sgdt (%ebx)
	sidt (%ebx)
	lldt %ax
	ltr %ax
	sldt %eax
	str %eax
	verr %ax
	verw (%eax)
	smsw %eax
	lmsw %ax
	invlpg (%eax)
	clts
	invd
	wbinvd
	cpuid
	rdtsc
	rdmsr
	wrmsr
	rdpmc
	sysenter
	sysexit
	rsm
	mov %cr0,%eax
	mov %eax,%cr3
	mov %cr2,%edx
	mov %db6,%eax
	mov %ecx,%db7
	lar %ax,%eax
	lsl (%eax),%ecx
	arpl %ax,(%ebx)
	bound %eax,(%ebx)
	lds (%eax),%ecx
	les (%eax),%ecx
	lss 0x4(%eax),%esp
	lfs (%eax),%eax
	lgs (%eax),%eax
# x87
	fld %st(3)
	fldl 0x8(%ebp)
	flds (%eax)
	fldt (%ebx)
	fildl (%eax)
	filds (%eax)
	fildll (%eax)
	fstps -0x4(%ebp)
	fstpl (%esp)
	fstpt (%eax)
	fistps (%eax)
	fistpl (%eax)
	fistpll (%eax)
	fisttpl (%eax)
	fadd %st(2),%st
	fadd %st,%st(2)
	faddp %st,%st(3)
	fsub %st(1),%st
	fsubp %st,%st(1)
	fsubrp %st,%st(1)
	fdivrp %st,%st(2)
	fmulp %st,%st(1)
	fdivl (%eax)
	fdivrs (%eax)
	fsubrl (%eax)
	fcomps (%eax)
	fcompl (%eax)
	ficoml (%eax)
	fucom %st(1)
	fucomp %st(2)
	fucompp
	fucomi %st(1),%st
	fcomip %st(1),%st
	fucomip %st(2),%st
	fcompp
	fxch %st(2)
	fchs
	fabs
	ftst
	fxam
	fldz
	fld1
	fldpi
	fldl2e
	fldln2
	fsqrt
	fsin
	fcos
	fsincos
	fptan
	fpatan
	fscale
	frndint
	fprem
	fprem1
	f2xm1
	fyl2x
	fxtract
	fincstp
	fdecstp
	ffree %st(7)
	fnstsw %ax
	fstsw %ax
	fnstcw (%eax)
	fstcw (%eax)
	fldcw (%eax)
	fnclex
	fclex
	fninit
	finit
	fnsave (%eax)
	frstor (%eax)
	fnstenv (%eax)
	fldenv (%eax)
	fcmovb %st(1),%st
	fcmovnbe %st(2),%st
	fnop
	fwait
# MMX
	emms
	movd %eax,%mm0
	movd %mm1,(%eax)
	movq (%eax),%mm2
	movq %mm3,%mm4
	movq %mm5,0x8(%ebx)
	paddb %mm1,%mm0
	paddw (%eax),%mm1
	paddd %mm2,%mm3
	paddq %mm4,%mm5
	psubusb %mm1,%mm2
	pmullw %mm1,%mm2
	pmulhw %mm1,%mm2
	pmaddwd %mm1,%mm2
	pand %mm1,%mm2
	pandn %mm1,%mm2
	por %mm1,%mm2
	pxor %mm7,%mm7
	pcmpeqb %mm1,%mm2
	pcmpgtd %mm1,%mm2
	punpcklbw %mm1,%mm2
	punpckhdq %mm1,%mm2
	packsswb %mm1,%mm2
	packuswb %mm1,%mm2
	psllw $0x3,%mm1
	psrad $0x2,%mm2
	psrlq $0x1,%mm3
	psllq %mm1,%mm2
	pshufw $0x1b,%mm1,%mm2
	pmovmskb %mm1,%eax
	pinsrw $0x2,%eax,%mm1
	pextrw $0x1,%mm1,%eax
	pavgb %mm1,%mm2
	pminub %mm1,%mm2
	psadbw %mm1,%mm2
	movntq %mm1,(%eax)
	maskmovq %mm1,%mm2
# SSE
	movups (%eax),%xmm0
	movups %xmm1,0x10(%eax)
	movaps %xmm2,%xmm3
	movss (%eax),%xmm1
	movss %xmm1,-0x4(%ebp)
	movlps (%eax),%xmm1
	movhps %xmm1,(%eax)
	movhlps %xmm1,%xmm2
	movlhps %xmm1,%xmm2
	movntps %xmm1,(%eax)
	addps %xmm1,%xmm0
	addss %xmm1,%xmm0
	subps (%eax),%xmm2
	mulss %xmm2,%xmm3
	divss (%eax),%xmm4
	sqrtps %xmm1,%xmm2
	sqrtss %xmm1,%xmm2
	rsqrtps %xmm1,%xmm2
	rcpss %xmm1,%xmm2
	minps %xmm1,%xmm2
	maxss %xmm1,%xmm2
	andps %xmm1,%xmm2
	andnps %xmm1,%xmm2
	orps %xmm1,%xmm2
	xorps %xmm1,%xmm2
	cmpltps %xmm1,%xmm2
	cmpeqss %xmm1,%xmm2
	cmpunordps (%eax),%xmm2
	cmpnleps %xmm1,%xmm2
	shufps $0x44,%xmm1,%xmm2
	unpcklps %xmm1,%xmm2
	unpckhps %xmm1,%xmm2
	ucomiss %xmm1,%xmm2
	comiss (%eax),%xmm2
	cvtsi2ss %eax,%xmm1
	cvtsi2ssl (%eax),%xmm1
	cvtss2si %xmm1,%eax
	cvttss2si (%eax),%edx
	cvtpi2ps %mm1,%xmm2
	cvtps2pi %xmm1,%mm2
	cvttps2pi %xmm1,%mm2
	movmskps %xmm1,%eax
	ldmxcsr (%eax)
	stmxcsr 0x4(%esp)
	fxsave (%eax)
	fxrstor (%eax)
	prefetchnta (%eax)
	prefetcht0 (%eax)
	sfence
	lfence
	mfence
	clflush (%eax)
# SSE2
	movupd (%eax),%xmm0
	movapd %xmm1,%xmm2
	movsd (%eax),%xmm0
	movsd %xmm0,-0x8(%ebp)
	movlpd (%eax),%xmm1
	movhpd %xmm1,(%eax)
	addpd %xmm1,%xmm0
	addsd (%eax),%xmm0
	subsd %xmm1,%xmm0
	mulsd %xmm1,%xmm0
	divsd %xmm1,%xmm0
	sqrtsd %xmm1,%xmm0
	minsd %xmm1,%xmm0
	maxpd %xmm1,%xmm0
	andpd %xmm1,%xmm0
	xorpd %xmm1,%xmm0
	cmplesd %xmm1,%xmm0
	cmpneqpd %xmm1,%xmm0
	ucomisd %xmm1,%xmm0
	comisd (%eax),%xmm0
	cvtsi2sd %eax,%xmm0
	cvtsi2sdl 0x8(%ebp),%xmm0
	cvtsd2si %xmm0,%eax
	cvttsd2si %xmm0,%eax
	cvtss2sd %xmm1,%xmm0
	cvtsd2ss %xmm1,%xmm0
	cvtps2pd %xmm1,%xmm0
	cvtpd2ps %xmm1,%xmm0
	cvtdq2ps %xmm1,%xmm0
	cvtps2dq %xmm1,%xmm0
	cvttps2dq %xmm1,%xmm0
	cvtdq2pd %xmm1,%xmm0
	cvtpd2dq %xmm1,%xmm0
	cvttpd2dq %xmm1,%xmm0
	unpcklpd %xmm1,%xmm0
	shufpd $0x1,%xmm1,%xmm0
	movmskpd %xmm1,%eax
	movd %eax,%xmm0
	movd %xmm0,(%eax)
	movq (%eax),%xmm0
	movq %xmm0,(%eax)
	movdqa (%eax),%xmm1
	movdqa %xmm1,(%eax)
	movdqu %xmm1,%xmm2
	movdqu (%eax),%xmm2
	paddd %xmm1,%xmm0
	paddq %xmm1,%xmm0
	psubb (%eax),%xmm0
	pxor %xmm0,%xmm0
	pcmpeqd %xmm1,%xmm0
	pmuludq %xmm1,%xmm0
	punpcklqdq %xmm1,%xmm0
	punpckhqdq %xmm1,%xmm0
	pshufd $0x1b,%xmm1,%xmm0
	pshufhw $0x1b,%xmm1,%xmm0
	pshuflw $0x1b,%xmm1,%xmm0
	psrldq $0x4,%xmm1
	pslldq $0x4,%xmm1
	psllw $0x2,%xmm1
	psrad $0x2,%xmm1
	pmovmskb %xmm1,%eax
	movntdq %xmm1,(%eax)
	movntpd %xmm1,(%eax)
	movnti %eax,(%ebx)
	maskmovdqu %xmm1,%xmm2
	pextrw $0x1,%xmm1,%eax
	pinsrw $0x1,%eax,%xmm1
# raw encodings the assembler would not choose
	.byte 0x8b, 0x04, 0x25, 0, 0, 0, 0	# SIB, no base, no index
	.byte 0x8b, 0x04, 0x64			# SIB, %esp base, scale 2
	.byte 0x8b, 0x04, 0x20			# SIB, %eax base, no index
	.byte 0x67, 0x8b, 0x47, 0x02		# 16-bit addressing
	.byte 0x67, 0x8b, 0x06, 0x34, 0x12	# 16-bit absolute
	.byte 0x9b, 0x90			# fwait alone
	.byte 0x2e, 0x74, 0x00			# a branch hint
	.byte 0x82, 0xc0, 0x01			# 0x82: 0x80 again
	.byte 0xd0, 0xf0			# shl /6
	.byte 0xf6, 0xc8, 0x01			# test /1
	.byte 0xdc, 0xe1, 0xdc, 0xe9		# the AT&T fsub/fsubr swap
	.byte 0xde, 0xe1, 0xde, 0xf1
	.byte 0x66, 0x90			# xchg %ax,%ax
	.byte 0x66, 0x0f, 0x1f, 0x44, 0, 0	# nopw
