using System.Net.Http.Json;
using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.Testing;

namespace SocialInnovation.Browser.Tests.Intake;

/// <summary>The start most selection journeys share: a camp in Selection with two people applied through the public form.</summary>
public static class Applicants
{
    /// <summary>
    /// Creates a camp as <paramref name="organizer"/>, lets Aida (Kazakhstan) and Timur (Tajikistan) apply anonymously,
    /// and moves the camp on to Selection.
    /// </summary>
    public static async Task<CampSnapshot> CampInSelection(PlatformHost host, ApiClient organizer)
    {
        var camp = await organizer.CreateCamp("SICamp Almaty");
        await organizer.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Applications);
        foreach (var (name, country) in new[] { ("Aida", "KZ"), ("Timur", "TJ") })
        {
            var form = new ApplicationForm(name, $"{name.ToLowerInvariant()}.{Guid.NewGuid():N}@example.com", country, "Almaty", "Green Steppe", "Designer",
                ["design"], ["ru"], "I want to help young people in my city find their first job.", "A friend", true, "en");
            (await host.Client().Http.PostAsJsonAsync($"/api/camps/{camp.CampId}/applications",
                new SubmitApplication(form, Guid.NewGuid().ToString("N"), null), ApiClient.Json)).EnsureSuccessStatusCode();
        }
        await organizer.ChangePhase(camp.CampId, CampPhase.Applications, CampPhase.Selection);
        return camp;
    }
}
