using System.Globalization;
using System.Text;
using SocialInnovation.Audience;
using SocialInnovation.Judging;
using SocialInnovation.Awards;

namespace SocialInnovation.Server.Awards;

/// <summary>
/// Everything behind the results, for checking them outside the product: the final standings with both
/// parts, every raw score, the judging views (fitted, raw mean, z), every audience poll's votes, the awards
/// and the mini-grants. UTF-8 with a BOM so spreadsheet programs read Cyrillic names right; cells a
/// spreadsheet would run as formulas are neutralised.
/// </summary>
public static class ResultsCsv
{
    public static byte[] Write(CampResults results, Leaderboard? board, IReadOnlyList<ScoreRecord> scores,
        IReadOnlyList<AudiencePollView> polls, IReadOnlyDictionary<Guid, string> teams)
    {
        var csv = new StringBuilder();
        Line(csv, ["section", "rank", "team", "judges_part", "audience_votes", "audience_part", "final", "judge_rank", "quality", "audience_weight"]);
        foreach (var s in results.Standings)
            Line(csv, ["standing", Int(s.Rank), s.Name, Number(s.JudgesPart), Int(s.AudienceVotes), Number(s.AudiencePart), Number(s.Final),
                s.JudgeRank is { } r ? Int(r) : "", s.Quality is { } q ? Number(q) : "", Number(results.AudienceWeight)]);
        csv.AppendLine();
        var criteria = board?.Setup.Rubric.Criteria.Select(c => c.Id).ToList() ?? [];
        Line(csv, ["section", "judge", "team", .. criteria, "weighted", "at"]);
        foreach (var s in scores.OrderBy(s => s.At))
            Line(csv, ["raw_score", s.JudgeName, Name(s.TeamId), .. criteria.Select(c => Int(s.Marks.GetValueOrDefault(c))), Number(s.WeightedScore),
                s.At.ToString("O", CultureInfo.InvariantCulture)]);
        csv.AppendLine();
        Line(csv, ["section", "rank", "team", "quality", "typical", "raw_mean", "z_mean", "judgments"]);
        foreach (var l in board?.Lines ?? [])
            Line(csv, ["normalised", Int(l.Rank), Name(l.TeamId), Number(l.Quality), Number(l.Typical), Number(l.RawMean), Number(l.ZMean), Int(l.Judgments)]);
        csv.AppendLine();
        Line(csv, ["section", "poll", "code", "option", "team", "votes", "voters"]);
        foreach (var poll in polls)
            foreach (var (option, i) in poll.Tally.Options.Select((o, i) => (o, i)))
                Line(csv, ["votes", poll.Tally.Title, poll.Audience.Code, option.Label, i < poll.Audience.Teams.Count ? Name(poll.Audience.Teams[i]) : "",
                    Int(option.Dots), Int(poll.Tally.Voters)]);
        csv.AppendLine();
        Line(csv, ["section", "kind", "title", "team", "track"]);
        foreach (var a in results.Awards) Line(csv, ["award", a.Kind.ToString(), a.Title, Name(a.TeamId), a.TrackId ?? ""]);
        csv.AppendLine();
        Line(csv, ["section", "team", "amount", "currency", "pool"]);
        foreach (var g in results.Grants)
            Line(csv, ["mini_grant", Name(g.TeamId), g.Amount.ToString(CultureInfo.InvariantCulture), results.Currency, results.GrantPool.ToString(CultureInfo.InvariantCulture)]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];

        string Name(Guid team) => teams.GetValueOrDefault(team) ?? team.ToString();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, IEnumerable<string> cells) => csv.AppendLine(string.Join(",", cells.Select(Cell)));

    /// <summary>Quoted; a text cell a spreadsheet would run as a formula (=, +, -, @) gets an apostrophe first.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
