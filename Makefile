# Thin aliases for ./dev, which does the work (and works where make is not installed).
.PHONY: run test smoke bench package package-test
run:
	./dev run $(FILE)
test:
	./dev test
smoke:
	./dev smoke
bench:
	./dev bench
package:
	./dev package
# Build the .deb, install it into a scratch root and check it (a few minutes; not run by CI).
package-test:
	./dev package-test
