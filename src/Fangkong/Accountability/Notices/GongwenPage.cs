namespace Fangkong.Accountability;

/// <summary>
/// The page of GB/T 9704-2012 (党政机关公文格式), in points: A4, margins 37 mm top, 35 mm bottom,
/// 28 mm left, 26 mm right, so a body of 156 × 225 mm; 22 lines of 28 characters of 三号 (16 pt)
/// text; the title in 二号 (22 pt); page numbers in 四号 (14 pt), "— 1 —", 7 mm below the body,
/// odd pages on the right and even pages on the left, one character in from the edge.
/// Both renderers (PDF and DOCX) take their figures from here.
/// </summary>
public static class GongwenPage
{
    public const double PointsPerMillimetre = 72 / 25.4;

    public const double WidthMm = 210;
    public const double HeightMm = 297;
    public const double TopMm = 37;
    public const double BottomMm = 35;
    public const double LeftMm = 28;
    public const double RightMm = 26;

    /// <summary>The page number's line starts this far below the body.</summary>
    public const double PageNumberGapMm = 7;

    public const int LinesPerPage = 22;
    public const int CharactersPerLine = 28;

    public const double BodySize = 16;
    public const double TitleSize = 22;
    public const double PageNumberSize = 14;

    public static double Width => WidthMm * PointsPerMillimetre;

    public static double Height => HeightMm * PointsPerMillimetre;

    public static double Top => TopMm * PointsPerMillimetre;

    public static double Left => LeftMm * PointsPerMillimetre;

    public static double BodyWidth => (WidthMm - LeftMm - RightMm) * PointsPerMillimetre;

    public static double BodyHeight => (HeightMm - TopMm - BottomMm) * PointsPerMillimetre;

    /// <summary>The distance between lines: 225 mm / 22 ≈ 29 pt.</summary>
    public static double LinePitch => BodyHeight / LinesPerPage;

    /// <summary>The distance between characters: 156 mm / 28 ≈ 15.8 pt, a little under the 16 pt face, as Word's grid sets it.</summary>
    public static double CharacterPitch => BodyWidth / CharactersPerLine;

    /// <summary>The top of the page number's line.</summary>
    public static double PageNumberTop => Top + BodyHeight + (PageNumberGapMm * PointsPerMillimetre);

    /// <summary>"— 1 —": the number between two one-character dashes.</summary>
    public static string PageNumber(int page) => $"— {page} —";
}
