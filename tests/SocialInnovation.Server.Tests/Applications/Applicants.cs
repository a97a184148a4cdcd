using System.Text.RegularExpressions;
using SocialInnovation.Applications;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Applications;

/// <summary>Filling in the public form and finding the private link in maildev, as an applicant would.</summary>
public static class Applicants
{
    public static string NewEmail(string name = "aida") => $"{name}.{Guid.NewGuid():N}@example.com";

    public static ApplicationForm Form(string email, string country = "KZ", string language = "en", string name = "Aida Nurlanovna") => new(
        name, email, country, "Almaty", "Green Steppe NGO", "Designer", ["design", "research"], ["kk", "ru", "en"],
        "I want to help young people in my city find their first job through better information.", "A friend", true, language);

    public static Task<HttpResponseMessage> Apply(this ApiClient client, Guid campId, ApplicationForm form, string? website = null) =>
        client.Post($"/api/camps/{campId}/applications", new SubmitApplication(form, Guid.NewGuid().ToString("N"), website));

    /// <summary>The private link's token from the newest of <paramref name="mails"/> mails to <paramref name="email"/>.</summary>
    public static async Task<string> TokenFromMail(string email, int mails = 1)
    {
        var mail = (await Maildev.Shared.WaitFor(email, mails))[mails - 1];
        return TokenIn(mail.Text);
    }

    public static string TokenIn(string text) =>
        Regex.Match(text, @"/application#([0-9a-f]{32}\.[A-Za-z0-9_-]{43})") is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException($"No private link in: {text}");
}
