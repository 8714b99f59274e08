/*
 * genlshim: an LD_PRELOAD library that plays a kernel with a "macsec"
 * generic netlink family to iproute2's ip, so that ip macsec's requests can
 * be captured on a kernel without that family. See README.md.
 *
 * Only NETLINK_GENERIC sockets are touched (rtnetlink, for device names,
 * goes to the real kernel). On those, every message sent is appended to
 * $SHIM_LOG as one line "TYPE FLAGS HEXBODY" (the bytes after the
 * nlmsghdr), and the answer is queued here instead of asking the kernel:
 *   CTRL_CMD_GETFAMILY "macsec" -> CTRL_CMD_NEWFAMILY with id SHIM_FAMILY
 *   any other family name       -> ENOENT
 *   a dump of the family        -> the messages of the file $SHIM_DUMP
 *                                  (each: u32 length, then a genl body),
 *                                  then NLMSG_DONE
 *   any other request           -> an ack, or error -$SHIM_ERRNO
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <linux/netlink.h>
#include <linux/genetlink.h>

#define SHIM_FAMILY 0x77
#define MAXFD 1024
#define QMAX 64

static char genl_fd[MAXFD];

struct dgram { size_t len; unsigned char *buf; };
static struct dgram queue[QMAX];
static int qhead, qtail;

static int (*real_socket)(int, int, int);
static ssize_t (*real_sendmsg)(int, const struct msghdr *, int);
static ssize_t (*real_sendto)(int, const void *, size_t, int, const struct sockaddr *, socklen_t);
static ssize_t (*real_send)(int, const void *, size_t, int);
static ssize_t (*real_recvmsg)(int, struct msghdr *, int);

static void init(void)
{
	if (real_socket)
		return;
	real_socket = dlsym(RTLD_NEXT, "socket");
	real_sendmsg = dlsym(RTLD_NEXT, "sendmsg");
	real_sendto = dlsym(RTLD_NEXT, "sendto");
	real_send = dlsym(RTLD_NEXT, "send");
	real_recvmsg = dlsym(RTLD_NEXT, "recvmsg");
}

static int is_genl(int fd) { return fd >= 0 && fd < MAXFD && genl_fd[fd]; }

int socket(int domain, int type, int proto)
{
	int fd;

	init();
	fd = real_socket(domain, type, proto);
	if (fd >= 0 && fd < MAXFD)
		genl_fd[fd] = domain == AF_NETLINK && proto == NETLINK_GENERIC;
	return fd;
}

static uint32_t port_id(int fd)
{
	struct sockaddr_nl sa;
	socklen_t l = sizeof(sa);

	if (getsockname(fd, (struct sockaddr *)&sa, &l) < 0)
		return 0;
	return sa.nl_pid;
}

/* put queues a datagram of one message: header fields, then body. */
static void put(int fd, uint16_t type, uint16_t flags, uint32_t seq,
		const void *body, size_t blen)
{
	size_t len = NLMSG_LENGTH(blen);
	unsigned char *b = calloc(1, NLMSG_ALIGN(len));
	struct nlmsghdr *h = (struct nlmsghdr *)b;

	h->nlmsg_len = len;
	h->nlmsg_type = type;
	h->nlmsg_flags = flags;
	h->nlmsg_seq = seq;
	h->nlmsg_pid = port_id(fd);
	memcpy(NLMSG_DATA(h), body, blen);
	if (qtail < QMAX) {
		queue[qtail].len = NLMSG_ALIGN(len);
		queue[qtail].buf = b;
		qtail++;
	}
}

static size_t attr(unsigned char *p, uint16_t type, const void *d, uint16_t l)
{
	struct nlattr *a = (struct nlattr *)p;

	a->nla_len = NLA_HDRLEN + l;
	a->nla_type = type;
	memset(p + NLA_HDRLEN, 0, NLA_ALIGN(l));
	memcpy(p + NLA_HDRLEN, d, l);
	return NLA_ALIGN(a->nla_len);
}

static void answer_error(int fd, const struct nlmsghdr *req, int err)
{
	struct nlmsgerr e;

	memset(&e, 0, sizeof(e));
	e.error = -err;
	memcpy(&e.msg, req, sizeof(*req));
	put(fd, NLMSG_ERROR, err ? 0 : NLM_F_CAPPED, req->nlmsg_seq, &e, sizeof(e));
}

static void answer_ctrl(int fd, const struct nlmsghdr *h)
{
	const struct genlmsghdr *g = NLMSG_DATA(h);
	const unsigned char *p = (const unsigned char *)(g + 1);
	int rem = h->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN);
	const char *name = NULL;
	unsigned char body[256];
	size_t n = 0;
	uint16_t id = SHIM_FAMILY;
	uint32_t ver = 1, hdr = 0, maxattr = 10;

	while (rem >= NLA_HDRLEN) {
		const struct nlattr *a = (const void *)p;

		if (a->nla_len < NLA_HDRLEN || a->nla_len > rem)
			break;
		if (a->nla_type == CTRL_ATTR_FAMILY_NAME)
			name = (const char *)(a + 1);
		p += NLA_ALIGN(a->nla_len);
		rem -= NLA_ALIGN(a->nla_len);
	}
	if (g->cmd != CTRL_CMD_GETFAMILY || !name || strcmp(name, "macsec")) {
		answer_error(fd, h, ENOENT);
		return;
	}
	body[0] = CTRL_CMD_NEWFAMILY;
	body[1] = 2;
	body[2] = body[3] = 0;
	n = 4;
	n += attr(body + n, CTRL_ATTR_FAMILY_NAME, "macsec", 7);
	n += attr(body + n, CTRL_ATTR_FAMILY_ID, &id, 2);
	n += attr(body + n, CTRL_ATTR_VERSION, &ver, 4);
	n += attr(body + n, CTRL_ATTR_HDRSIZE, &hdr, 4);
	n += attr(body + n, CTRL_ATTR_MAXATTR, &maxattr, 4);
	put(fd, GENL_ID_CTRL, 0, h->nlmsg_seq, body, n);
}

static void answer_dump(int fd, const struct nlmsghdr *h)
{
	const char *path = getenv("SHIM_DUMP");
	FILE *f = path ? fopen(path, "r") : NULL;
	uint32_t len;
	int done = 0;

	while (f && fread(&len, 4, 1, f) == 1 && len < 65536) {
		unsigned char *b = malloc(len ? len : 1);

		if (fread(b, 1, len, f) != len) {
			free(b);
			break;
		}
		put(fd, SHIM_FAMILY, NLM_F_MULTI, h->nlmsg_seq, b, len);
		free(b);
	}
	if (f)
		fclose(f);
	if (getenv("SHIM_ERRNO")) {
		int err = atoi(getenv("SHIM_ERRNO"));
		struct nlmsgerr e;

		memset(&e, 0, sizeof(e));
		e.error = -err;
		memcpy(&e.msg, h, sizeof(*h));
		put(fd, NLMSG_ERROR, NLM_F_MULTI, h->nlmsg_seq, &e, sizeof(e));
		return;
	}
	put(fd, NLMSG_DONE, NLM_F_MULTI, h->nlmsg_seq, &done, sizeof(done));
}

static void record(const struct nlmsghdr *h)
{
	const char *path = getenv("SHIM_LOG");
	const unsigned char *b = NLMSG_DATA(h);
	size_t i, n = h->nlmsg_len - NLMSG_HDRLEN;
	FILE *f;

	if (!path || !(f = fopen(path, "a")))
		return;
	fprintf(f, "%#x %#x ", h->nlmsg_type, h->nlmsg_flags);
	for (i = 0; i < n; i++)
		fprintf(f, "%02x", b[i]);
	fprintf(f, "\n");
	fclose(f);
}

static ssize_t handle(int fd, const unsigned char *buf, size_t len)
{
	size_t off = 0;

	while (off + NLMSG_HDRLEN <= len) {
		const struct nlmsghdr *h = (const void *)(buf + off);

		if (h->nlmsg_len < NLMSG_HDRLEN || off + h->nlmsg_len > len)
			break;
		record(h);
		if (h->nlmsg_type == GENL_ID_CTRL)
			answer_ctrl(fd, h);
		else if (h->nlmsg_type == SHIM_FAMILY && (h->nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP)
			answer_dump(fd, h);
		else if (h->nlmsg_type == SHIM_FAMILY)
			answer_error(fd, h, getenv("SHIM_ERRNO") ? atoi(getenv("SHIM_ERRNO")) : 0);
		else
			answer_error(fd, h, ENOENT);
		off += NLMSG_ALIGN(h->nlmsg_len);
	}
	return len;
}

static ssize_t flat(int fd, const struct iovec *iov, size_t n)
{
	unsigned char buf[65536];
	size_t len = 0, i;

	for (i = 0; i < n; i++) {
		if (len + iov[i].iov_len > sizeof(buf)) {
			errno = EMSGSIZE;
			return -1;
		}
		memcpy(buf + len, iov[i].iov_base, iov[i].iov_len);
		len += iov[i].iov_len;
	}
	return handle(fd, buf, len);
}

ssize_t sendmsg(int fd, const struct msghdr *m, int flags)
{
	init();
	if (!is_genl(fd))
		return real_sendmsg(fd, m, flags);
	return flat(fd, m->msg_iov, m->msg_iovlen);
}

ssize_t sendto(int fd, const void *b, size_t l, int flags, const struct sockaddr *to, socklen_t tl)
{
	struct iovec v = { (void *)b, l };

	init();
	if (!is_genl(fd))
		return real_sendto(fd, b, l, flags, to, tl);
	return flat(fd, &v, 1);
}

ssize_t send(int fd, const void *b, size_t l, int flags)
{
	struct iovec v = { (void *)b, l };

	init();
	if (!is_genl(fd))
		return real_send(fd, b, l, flags);
	return flat(fd, &v, 1);
}

ssize_t recvmsg(int fd, struct msghdr *m, int flags)
{
	struct dgram *d;
	size_t off = 0, i;

	init();
	if (!is_genl(fd))
		return real_recvmsg(fd, m, flags);
	if (qhead == qtail) {
		/* A kernel would block here; ending the stream (as
		 * "EOF on netlink") keeps a wrong exchange from hanging. */
		return 0;
	}
	d = &queue[qhead];
	for (i = 0; i < m->msg_iovlen && off < d->len; i++) {
		size_t c = m->msg_iov[i].iov_len;

		if (c > d->len - off)
			c = d->len - off;
		memcpy(m->msg_iov[i].iov_base, d->buf + off, c);
		off += c;
	}
	if (m->msg_name && m->msg_namelen >= sizeof(struct sockaddr_nl)) {
		struct sockaddr_nl sa = { .nl_family = AF_NETLINK };

		memcpy(m->msg_name, &sa, sizeof(sa));
		m->msg_namelen = sizeof(sa);
	}
	m->msg_controllen = 0;
	m->msg_flags = off < d->len ? MSG_TRUNC : 0;
	if (!(flags & MSG_PEEK)) {
		free(d->buf);
		qhead++;
	}
	return (flags & MSG_TRUNC) ? (ssize_t)d->len : (ssize_t)off;
}
