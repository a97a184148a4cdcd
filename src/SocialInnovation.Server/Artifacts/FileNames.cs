using System.Globalization;
using System.Text;

namespace SocialInnovation.Server.Artifacts;

/// <summary>
/// A file name as people see it and as downloads are named: no path, no control, format or
/// direction-changing characters (which can make "gpj.exe" look like "exe.jpg"), nothing a shell or
/// a header would read specially, and the extension of the type the bytes really are.
/// </summary>
public static class FileNames
{
    public static string Sanitize(string name, string extension)
    {
        var baseName = Path.GetFileNameWithoutExtension(name.Replace('\\', '/').Split('/')[^1]);
        var kept = new StringBuilder();
        foreach (var c in baseName.Normalize(NormalizationForm.FormC))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark) kept.Append(c);
            else if (c is ' ' or '-' or '_' or '.' or '(' or ')') kept.Append(c);
        }
        var clean = string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        if (clean.Length > 80) clean = clean[..80];
        return (clean.Length == 0 ? "file" : clean) + extension;
    }

    /// <summary>Content-Disposition for a download: an ASCII fallback and the UTF-8 name (RFC 6266).</summary>
    public static string Disposition(string fileName)
    {
        var ascii = new string(fileName.Select(c => c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_').ToArray());
        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }
}
