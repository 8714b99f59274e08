package main

// The Makefile's packaging targets, run as a packager would: make install
// into a DESTDIR, install-compat, the uninstalls, and make dist twice.

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// repoRoot is the checkout this test runs in.
const repoRoot = "../.."

func needMake(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds gip: not in -short")
	}
	for _, tool := range []string{"make", "git", "tar", "sha256sum"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s", tool)
		}
	}
}

func runMake(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("make", append([]string{"--no-print-directory", "-C", dir}, args...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("make %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// tree lists what is under root that is not a directory: "path" for a
// file, "path -> target" for a link.
func tree(t *testing.T, root string) []string {
	t.Helper()
	var list []string
	err := filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if fi.Mode()&os.ModeSymlink != 0 {
			target, _ := os.Readlink(p)
			rel += " -> " + target
		}
		list = append(list, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(list)
	return list
}

func TestMakeInstall(t *testing.T) {
	needMake(t)
	dest := t.TempDir()
	vars := []string{"DESTDIR=" + dest, "PREFIX=/usr"}
	runMake(t, repoRoot, append([]string{"install"}, vars...)...)

	pages, _ := filepath.Glob(filepath.Join(repoRoot, "doc/man/*.8"))
	if len(pages) < 20 {
		t.Fatalf("doc/man has %d pages", len(pages))
	}
	want := []string{
		"usr/sbin/gbrctl -> gip", "usr/sbin/gbridge -> gip", "usr/sbin/gip",
		"usr/share/bash-completion/completions/gbrctl -> gip",
		"usr/share/bash-completion/completions/gbridge -> gip",
		"usr/share/bash-completion/completions/gip",
		"usr/share/fish/vendor_completions.d/gip.fish",
		"usr/share/zsh/site-functions/_gip",
	}
	for _, p := range pages {
		want = append(want, "usr/share/man/man8/"+filepath.Base(p))
	}
	slices.Sort(want)
	if got := tree(t, dest); !slices.Equal(got, want) {
		t.Errorf("make install put\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	out, err := exec.Command(filepath.Join(dest, "usr/sbin/gbridge"), "-V").Output()
	if err != nil || !strings.HasPrefix(string(out), "bridge utility, 6.1.0, gip ") {
		t.Errorf("installed gbridge -V: %q, %v", out, err)
	}
	script, _ := os.ReadFile(filepath.Join(dest, "usr/share/bash-completion/completions/gip"))
	if !strings.Contains(string(script), "complete -F _gip_complete gip") {
		t.Errorf("the installed bash completion is not gip's:\n%s", script)
	}

	runMake(t, repoRoot, append([]string{"install-compat"}, vars...)...)
	compat := append(slices.Clone(want),
		"usr/lib/gip/compat/brctl -> /usr/sbin/gip",
		"usr/lib/gip/compat/bridge -> /usr/sbin/gip",
		"usr/lib/gip/compat/ip -> /usr/sbin/gip")
	slices.Sort(compat)
	if got := tree(t, dest); !slices.Equal(got, compat) {
		t.Errorf("make install-compat left\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(compat, "\n"))
	}

	runMake(t, repoRoot, append([]string{"uninstall-compat"}, vars...)...)
	if got := tree(t, dest); !slices.Equal(got, want) {
		t.Errorf("make uninstall-compat left\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := os.Stat(filepath.Join(dest, "usr/lib/gip")); !os.IsNotExist(err) {
		t.Errorf("uninstall-compat left usr/lib/gip: %v", err)
	}

	runMake(t, repoRoot, append([]string{"uninstall"}, vars...)...)
	if got := tree(t, dest); len(got) != 0 {
		t.Errorf("make uninstall left\n%s", strings.Join(got, "\n"))
	}
}

// make dist from this checkout and from a copy of it at another path (no
// .git there) gives the same bytes: no path, VCS state or build id gets
// into the binary. The build cache is shared, so this is quick; make
// dist-check does the same with an empty cache for both architectures.
func TestMakeDistReproducible(t *testing.T) {
	needMake(t)
	tmp := t.TempDir()
	src := filepath.Join(tmp, "elsewhere", "gip")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	cp := exec.Command("sh", "-c", `git -C "$1" ls-files -z | (cd "$1" && tar --null -T - -cf -) | tar -C "$2" -xf -`, "sh", repoRoot, src)
	if out, err := cp.CombinedOutput(); err != nil {
		t.Fatalf("copying the tree: %v\n%s", err, out)
	}
	vars := []string{"DISTARCHS=amd64", "VERSION=v0.0.0-test"}
	runMake(t, repoRoot, append([]string{"dist", "DISTDIR=" + filepath.Join(tmp, "a")}, vars...)...)
	runMake(t, src, append([]string{"dist", "DISTDIR=" + filepath.Join(tmp, "b")}, vars...)...)
	a, errA := os.ReadFile(filepath.Join(tmp, "a", "SHA256SUMS"))
	b, errB := os.ReadFile(filepath.Join(tmp, "b", "SHA256SUMS"))
	if errA != nil || errB != nil {
		t.Fatalf("SHA256SUMS: %v, %v", errA, errB)
	}
	if !strings.HasSuffix(string(a), "  gip-v0.0.0-test-linux-amd64\n") || strings.Count(string(a), "\n") != 1 {
		t.Errorf("SHA256SUMS = %q", a)
	}
	if string(a) != string(b) {
		t.Errorf("two builds differ:\n%s%s", a, b)
	}
	out, err := exec.Command(filepath.Join(tmp, "a", "gip-v0.0.0-test-linux-amd64"), "-V").Output()
	if err != nil || string(out) != "ip utility, iproute2-6.1.0, gip v0.0.0-test\n" {
		t.Errorf("the dist binary's -V: %q, %v", out, err)
	}
}
