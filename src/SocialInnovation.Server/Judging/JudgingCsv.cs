using System.Globalization;
using System.Text;
using SocialInnovation.Judging;

namespace SocialInnovation.Server.Judging;

/// <summary>
/// The export organizers check the ranking with outside the product: one line per input score (with every
/// criterion's mark and the weighted score), in pairwise mode one line per verdict, then one line per team with
/// the fitted and simple views.
/// </summary>
public static class JudgingCsv
{
    public static string Write(Leaderboard board, IReadOnlyList<ScoreRecord> scores, IReadOnlyList<ComparisonRecord> comparisons,
        IReadOnlyDictionary<Guid, string> teamNames)
    {
        var csv = new StringBuilder();
        var criteria = board.Setup.Rubric.Criteria.Select(c => c.Id).ToList();
        Line(csv, ["section", "judge", "team", .. criteria, "weighted", "at"]);
        foreach (var s in scores.OrderBy(s => s.At))
            Line(csv, ["score", s.JudgeName, Name(s.TeamId), .. criteria.Select(c => s.Marks.GetValueOrDefault(c).ToString(CultureInfo.InvariantCulture)),
                Number(s.WeightedScore), s.At.ToString("O", CultureInfo.InvariantCulture)]);
        if (comparisons.Count > 0)
        {
            // Pairwise mode: one line per judge's current verdict.
            csv.AppendLine();
            Line(csv, ["section", "judge", "better", "other", "at"]);
            foreach (var c in comparisons)
                Line(csv, ["comparison", c.JudgeName, Name(c.Winner), Name(c.Loser), c.At.ToString("O", CultureInfo.InvariantCulture)]);
        }
        csv.AppendLine();
        Line(csv, ["section", "rank", "team", "quality", "typical", "raw_mean", "z_mean", "judgments", "rank_low", "rank_high"]);
        foreach (var l in board.Lines)
            Line(csv, ["ranking", l.Rank.ToString(CultureInfo.InvariantCulture), Name(l.TeamId), Number(l.Quality), Number(l.Typical),
                Number(l.RawMean), Number(l.ZMean), l.Judgments.ToString(CultureInfo.InvariantCulture),
                l.RankLow.ToString(CultureInfo.InvariantCulture), l.RankHigh.ToString(CultureInfo.InvariantCulture)]);
        return csv.ToString();

        string Name(Guid team) => teamNames.GetValueOrDefault(team) ?? team.ToString();
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, IEnumerable<string> cells) => csv.AppendLine(string.Join(",", cells.Select(Cell)));

    /// <summary>Quoted, and a cell a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
