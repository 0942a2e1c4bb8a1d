"""Statistics built from reducers and broadcasting arithmetic: weighted mean/moment, var/std
(with Awkward's choice between the two-pass and the one-pass formula), covar, corr,
linear_fit and softmax.

Every function here works on whole arrays (``jaggy.Array``): the per-call Python work is a
fixed number of reductions and element-wise operations, independent of the data.

Numerics follow NumPy's and Awkward's conventions so that results agree to rounding:

- a variance is the two-pass ``sum(w * (x - mean)**2) / sum(w)`` whenever ``x - mean`` can be
  broadcast (always for the innermost axis and for ``axis=None``), and the one-pass
  ``sum(w * x**2) / sum(w) - mean**2`` where it cannot (an outer axis of ragged lists);
- integer and boolean values are promoted to float64 before products are formed.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from jaggy._reducers import _depth, normalize_axis

__all__ = [
    "as_array",
    "covar_corr",
    "done",
    "is_innermost",
    "linear_fit_of",
    "mean_of",
    "moment_of",
    "softmax_of",
    "variance",
]


def _jaggy() -> Any:
    import jaggy

    return jaggy


def _leaf_dtype(layout: Any) -> Any:
    node = layout
    while not node.is_numpy:
        if node.is_list or node.is_option or node.is_indexed:
            node = node.content
        else:
            return None
    return node.data.dtype


def promote(x: Any) -> Any:
    """x with integer and boolean values cast to float64 (other dtypes kept)."""
    dt = _leaf_dtype(x.layout)
    if dt is not None and dt.kind in "biu":
        return _jaggy().values_astype(x, np.float64)
    return x


def _drop_kept(out: Any, axis: Any) -> Any:
    """Remove the length-1 dimension a ``keepdims=True`` reduction left at ``axis``."""
    depth = _depth(out.layout, "jaggy")
    if axis is None:
        return out[(0,) * depth]
    posaxis = axis if axis >= 0 else depth + axis
    return out[(slice(None),) * posaxis + (0,)]


def _finish(out: Any, fname: str, axis: Any, keepdims: bool, mask_identity: bool) -> Any:
    ak = _jaggy()
    if not isinstance(out, ak.Array):
        return out
    if not mask_identity:
        out = ak.fill_none(out, np.nan, axis=-1)
    if not keepdims:
        out = _drop_kept(out, axis)
    return out


def _centered(x: Any, xmean: Any, axis: Any) -> Any:
    """x - mean (broadcast), or None where Awkward's broadcasting cannot align them."""
    if axis is None:
        m = _drop_kept(xmean, None)
        return None if m is None else x - m
    try:
        return x - xmean
    except ValueError:
        return None


def mean_of(x: Any, weight: Any, axis: Any, keepdims: bool, mask_identity: bool) -> Any:
    """sum(w * x) / sum(w) along axis (weight given); Arrays in, Array or scalar out."""
    ak = _jaggy()
    kw = {"keepdims": True, "mask_identity": True}
    with np.errstate(invalid="ignore", divide="ignore"):
        if weight is None:
            sumw = ak.count(x, axis, **kw)
            sumwx = ak.sum(promote(x), axis, **kw)
        else:
            x = promote(x)
            sumw = ak.sum(x * 0 + weight, axis, **kw)
            sumwx = ak.sum(x * weight, axis, **kw)
        out = sumwx / sumw
    return _finish(out, "mean", axis, keepdims, mask_identity)


def moment_of(x: Any, n: Any, weight: Any, axis: Any, keepdims: bool, mask_identity: bool) -> Any:
    """sum(w * x**n) / sum(w) along axis."""
    ak = _jaggy()
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        sumw = ak.sum(x * 0 + weight, axis, keepdims=keepdims, mask_identity=mask_identity)
        sumwxn = ak.sum((x**n) * weight, axis, keepdims=keepdims, mask_identity=mask_identity)
        return sumwxn / sumw


def variance(
    fname: str, x: Any, weight: Any, ddof: Any, axis: Any, keepdims: bool, mask_identity: bool
) -> Any:
    """Weighted or outer-axis variance (see the module docstring for the formula chosen)."""
    ak = _jaggy()
    if axis is not None:
        normalize_axis(x.layout, axis, fname)
    kw = {"keepdims": True, "mask_identity": True}
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        if weight is None:
            sumw = ak.count(x, axis, **kw)
        else:
            sumw = ak.sum(x * 0 + weight, axis, **kw)
        xmean = mean_of(x, weight, axis, True, True)
        dev = _centered(x, xmean, axis)
        if dev is not None:
            sq = dev * dev if weight is None else weight * dev * dev
            out = ak.sum(sq, axis, **kw) / sumw
        else:
            xp = promote(x)
            wx, wxx = (xp, xp * xp) if weight is None else (xp * weight, xp * xp * weight)
            mean = ak.sum(wx, axis, **kw) / sumw
            out = ak.sum(wxx, axis, **kw) / sumw - mean * mean
        if ddof != 0:
            out = out * (sumw / (sumw - ddof))
    return _finish(out, fname, axis, keepdims, mask_identity)


def covar_corr(
    fname: str,
    x: Any,
    y: Any,
    weight: Any,
    axis: Any,
    keepdims: bool,
    mask_identity: bool,
    *,
    corr: bool,
) -> Any:
    """Covariance (corr=False) or Pearson correlation (corr=True) of x and y along axis."""
    ak = _jaggy()
    if axis is not None:
        normalize_axis(x.layout, axis, fname)
    sw = {"keepdims": keepdims, "mask_identity": mask_identity}
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        xmean = mean_of(x, weight, axis, True, mask_identity)
        ymean = mean_of(y, weight, axis, True, mask_identity)
        if weight is None:
            sumw = ak.count(x, axis, **sw)
        else:
            sumw = ak.sum(x * 0 + weight, axis, **sw)
        xdiff = _centered(x, xmean, axis)
        ydiff = None if xdiff is None else _centered(y, ymean, axis)
        if xdiff is not None and ydiff is not None:
            wxy = xdiff * ydiff
            wxx = xdiff * xdiff
            wyy = ydiff * ydiff
            if weight is not None:
                wxy, wxx, wyy = wxy * weight, wxx * weight, wyy * weight
            sumwxy = ak.sum(wxy, axis, **sw)
            if not corr:
                return sumwxy / sumw
            return sumwxy / np.sqrt(ak.sum(wxx, axis, **sw) * ak.sum(wyy, axis, **sw))
        xp, yp = promote(x), promote(y)
        wxy, wxx, wyy = xp * yp, xp * xp, yp * yp
        if weight is not None:
            wxy, wxx, wyy = wxy * weight, wxx * weight, wyy * weight
        if not keepdims:
            xmean = mean_of(x, weight, axis, False, mask_identity)
            ymean = mean_of(y, weight, axis, False, mask_identity)
        if not corr:
            return ak.sum(wxy, axis, **sw) / sumw - xmean * ymean
        sumwxy = ak.sum(wxy, axis, **sw) - sumw * xmean * ymean
        sumwxx = ak.sum(wxx, axis, **sw) - sumw * xmean * xmean
        sumwyy = ak.sum(wyy, axis, **sw) - sumw * ymean * ymean
        return sumwxy / np.sqrt(sumwxx * sumwyy)


def linear_fit_of(
    fname: str, x: Any, y: Any, weight: Any, axis: Any, keepdims: bool, mask_identity: bool
) -> Any:
    """Least-squares line y = intercept + slope * x along axis, as LinearFit records."""
    ak = _jaggy()
    from jaggy.layout import RecordArray

    if axis is not None:
        normalize_axis(x.layout, axis, fname)
    xp, yp = promote(x), promote(y)

    def total(v: Any) -> Any:
        return ak.sum(v, axis, keepdims=keepdims, mask_identity=mask_identity)

    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        if weight is None:
            sumw = ak.count(x, axis, keepdims=keepdims, mask_identity=mask_identity)
            sumwx, sumwy = total(xp), total(yp)
            sumwxx, sumwxy = total(xp * xp), total(xp * yp)
        else:
            sumw = total(xp * 0 + weight)
            sumwx, sumwy = total(xp * weight), total(yp * weight)
            sumwxx, sumwxy = total(xp * xp * weight), total(xp * yp * weight)
        delta = sumw * sumwxx - sumwx * sumwx
        parts = [
            (sumwxx * sumwy - sumwx * sumwxy) / delta,
            (sumw * sumwxy - sumwx * sumwy) / delta,
            np.sqrt(sumwxx / delta),
            np.sqrt(sumw / delta),
        ]
    is_scalar = not isinstance(parts[0], ak.Array)
    layouts = [ak.to_layout(p) for p in parts]
    out = RecordArray(
        layouts,
        ["intercept", "slope", "intercept_error", "slope_error"],
        parameters={"__record__": "LinearFit"},
    )
    if is_scalar:
        return ak.Array(out)[0]
    return ak.Array(out)


def softmax_of(fname: str, x: Any, axis: Any, keepdims: bool, mask_identity: bool) -> Any:
    """exp(x) / sum(exp(x)) along the innermost axis (the only axis where it is defined)."""
    ak = _jaggy()
    if axis is None:
        msg = f"{fname}: axis=None is not supported; softmax is only defined for axis=-1"
        raise ValueError(msg)
    depth = _depth(x.layout, fname)
    if (axis if axis >= 0 else depth + axis) != depth - 1:
        msg = (f"{fname} is only defined for axis=-1 (the innermost of {depth} dimensions), "
               f"not axis={axis}")
        raise NotImplementedError(msg)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        expx = np.exp(x)
        denom = ak.sum(expx, axis, keepdims=keepdims, mask_identity=mask_identity)
        return expx / denom


def as_array(x: Any, *, nan_to_none: bool = False) -> Any:
    """A ``jaggy.Array`` of x (None stays None), optionally with NaN values turned into None."""
    if x is None:
        return None
    ak = _jaggy()
    from jaggy.operations.to_layout import to_layout

    out = x if type(x) is ak.Array else ak.Array(to_layout(x, allow_record=False))
    return ak.nan_to_none(out) if nan_to_none else out


def done(out: Any, highlevel: bool, x: Any, behavior: Any, attrs: Any) -> Any:
    """Wrap a composed result like every reducer's (scalars and records pass through)."""
    ak = _jaggy()
    from jaggy.operations._wrap import finish

    if isinstance(out, ak.Array):
        return finish(out.layout, highlevel, x, behavior=behavior, attrs=attrs)
    return out


def is_innermost(x: Any, axis: Any, fname: str) -> bool:
    """Whether the reducers' fast two-pass path computes what Awkward does for this axis."""
    from jaggy.operations.to_layout import to_layout

    if axis is None:
        return True
    layout = x.layout if hasattr(x, "layout") else to_layout(x, allow_record=False)
    return normalize_axis(layout, axis, fname) == 1


def variance_op(fname: str, x: Any, weight: Any, ddof: int, axis: Any, keepdims: bool,
                mask_identity: bool, highlevel: bool, behavior: Any, attrs: Any, *, sqrt: bool,
                nan: bool) -> Any:
    """The body of var / nanvar / std / nanstd: the compiled two-pass reducer where it computes
    what Awkward does, else ``variance`` through broadcasting (with Awkward's one-pass fallback)."""
    from jaggy._reducers import run
    from jaggy._reducers_leaf import Var

    if weight is None and is_innermost(x, axis, fname):
        return run(fname, Var(ddof, sqrt=sqrt), x, axis, keepdims, mask_identity, highlevel,
                   behavior, attrs, nan_as_none=nan)
    xs = as_array(x, nan_to_none=nan)
    out = variance(fname, xs, as_array(weight, nan_to_none=nan), ddof, axis, keepdims, mask_identity)
    if sqrt and out is not None:
        with np.errstate(invalid="ignore"):  # a negative weighted variance is NaN, silently
            out = np.sqrt(out)
    return done(out, highlevel, x, behavior, attrs)
