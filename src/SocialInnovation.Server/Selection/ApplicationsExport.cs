using System.Globalization;
using System.Text;
using SocialInnovation.Applications;
using SocialInnovation.Selection;

namespace SocialInnovation.Server.Selection;

/// <summary>
/// The applications and decisions as CSV: UTF-8 with a byte order mark, so spreadsheet programs open
/// Cyrillic names intact; comma-separated, every field quoted where it must be.
/// </summary>
public static class ApplicationsExport
{
    public static readonly string[] Header =
        ["Name", "Email", "Country", "City", "Organisation", "Role", "Skills", "Languages", "Status", "Mean score", "Reviews", "Spread",
         "Submitted at", "Waitlisted at", "Confirm by", "Note"];

    public static byte[] Csv(IEnumerable<(SelectionEntry Entry, string Email)> rows)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var (entry, email) in rows)
        {
            var a = entry.Application;
            Line(csv, [a.Name, email, a.Country, a.City, a.Organisation, a.Role, string.Join("; ", a.Skills), string.Join("; ", a.Languages),
                entry.Status.ToString(), entry.Score.Mean?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
                entry.Score.Count.ToString(CultureInfo.InvariantCulture), entry.Score.Spread.ToString(CultureInfo.InvariantCulture),
                Time(a.SubmittedAt), Time(entry.WaitlistedAt), Time(entry.ConfirmBy), entry.Note ?? ""]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    private static void Line(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) csv.Append(',');
            csv.Append(Field(fields[i]));
        }
        csv.Append("\r\n");
    }

    /// <summary>Quoted when needed; a leading = + - @ is defused, so a spreadsheet never runs a cell as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
