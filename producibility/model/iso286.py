"""ISO 286 fits (H7, h6, ...) as a ± tolerance in mm, by nominal size.

A fit's tolerance zone is as wide as its standard tolerance grade IT at the nominal
size; the letter only places the zone against the nominal size (H: 0 to +IT, h: -IT to
0, js: ±IT/2, and so on; ISO 286-2 tabulates those limit deviations).  What a machine
must hold is the width, so a fit becomes the ± tolerance of the same width: ±IT/2.
"""

# ISO 286-1:2010, table 1: standard tolerance grades in µm, for nominal sizes up to
# 500 mm (upper bound of each range, inclusive; the first range is "up to 3 mm").
SIZE_LIMITS_MM = (3, 6, 10, 18, 30, 50, 80, 120, 180, 250, 315, 400, 500)
IT_UM = {
    5: (4, 5, 6, 8, 9, 11, 13, 15, 18, 20, 23, 25, 27),
    6: (6, 8, 9, 11, 13, 16, 19, 22, 25, 29, 32, 36, 40),
    7: (10, 12, 15, 18, 21, 25, 30, 35, 40, 46, 52, 57, 63),
    8: (14, 18, 22, 27, 33, 39, 46, 54, 63, 72, 81, 89, 97),
    9: (25, 30, 36, 43, 52, 62, 74, 87, 100, 115, 130, 140, 155),
    10: (40, 48, 58, 70, 84, 100, 120, 140, 160, 185, 210, 230, 250),
    11: (60, 75, 90, 110, 130, 160, 190, 220, 250, 290, 320, 360, 400),
}


def grade(fit):
    """The IT grade of a fit such as 'H7', 'h6' or 'js6'."""
    digits = "".join(c for c in str(fit) if c.isdigit())
    return int(digits) if digits else None


def zone_um(fit, size_mm):
    """The width of the fit's tolerance zone in µm at the nominal size, or None when the
    grade or the size is outside the table (above 500 mm, or not above 0)."""
    it = IT_UM.get(grade(fit))
    if it is None or size_mm is None or not 0 < size_mm <= SIZE_LIMITS_MM[-1]:
        return None
    for limit, width in zip(SIZE_LIMITS_MM, it):
        if size_mm <= limit:
            return width
    return None  # pragma: no cover - the loop always returns within the table


def as_plus_minus_mm(fit, size_mm):
    """The ± tolerance in mm of the same width as the fit's zone (±IT/2)."""
    width = zone_um(fit, size_mm)
    return None if width is None else round(width / 2000, 4)


def apply_fits(request):
    """The request with each part's ISO fit turned into its ``tolerance_mm``.

    A part with ``iso_fit`` and ``fit_size_mm`` gets ``tolerance_mm`` = the tighter of
    the given tolerance and ±IT/2.  Returns (request, [conversion records]).
    """
    conversions = []
    parts = []
    for part in request.get("parts") or []:
        fit, size = part.get("iso_fit"), part.get("fit_size_mm")
        tolerance = as_plus_minus_mm(fit, size) if fit else None
        if tolerance is None:
            parts.append(part)
            continue
        given = part.get("tolerance_mm")
        used = tolerance if given is None else min(given, tolerance)
        conversions.append({"part": str(part["id"]), "fit": fit, "size_mm": size,
                            "zone_um": zone_um(fit, size), "tolerance_mm": tolerance,
                            "given_mm": given, "used_mm": used})
        changed = dict(part, tolerance_mm=used)
        if used == tolerance and "tightest_feature" not in part:
            # the fit is the tightest tolerance: capital letters are holes (ISO 286-1, 3.1)
            changed["tightest_feature"] = "bore" if fit[0].isupper() else "outside_diameter"
        parts.append(changed)
    if not conversions:
        return request, []
    return dict(request, parts=parts), conversions
