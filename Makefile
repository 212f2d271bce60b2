# Thin aliases for ./dev, which does the work (and works where make is not installed).
.PHONY: run test smoke bench package
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
