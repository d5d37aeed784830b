"""Build of the optional C extension; everything else is in pyproject.toml.

``newsprism._speedups`` compiles inner loops of the clusterer and of the featurizer.  It is
optional: without a C compiler the install goes on and the same loops run in Python
(``newsprism/speedups.py``).
"""

import sys

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "newsprism._speedups",
            ["src/newsprism/_speedups.c"],
            # no fused multiply-adds: the same rounding as the Python loops, bit for bit
            extra_compile_args=["-O2", "-ffp-contract=off"],
            libraries=[] if sys.platform == "win32" else ["m"],  # log1p
            optional=True,
        )
    ]
)
