using System.Globalization;
using FluentValidation;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Invites;
using SocialInnovation.People;

namespace SocialInnovation.Grains.Tests.Common;

/// <summary>Names and labels others see hold visible characters only: nothing that reorders or hides text.</summary>
public sealed class PlainTextTests
{
    public static TheoryData<string> Spoofs => new()
    {
        "Zarina\u202Eexe.txt",   // RIGHT-TO-LEFT OVERRIDE: the name's tail, and the app's text after it, read backwards
        "\u202ADilnoza",          // LEFT-TO-RIGHT EMBEDDING
        "Timur\u2066 Organizer\u2069", // isolates
        "Aziz\u200F",             // RIGHT-TO-LEFT MARK
        "\u061CFarrukh",          // ARABIC LETTER MARK
        "Admin\u200B",            // ZERO WIDTH SPACE: looks like "Admin"
        "Ai\u2060gerim",          // WORD JOINER
        "\uFEFFMadina",           // BOM
        "Name\u00ADhidden",       // SOFT HYPHEN
        "Two\nlines",             // control character
        "\u200DJoiner at the start",
    };

    /// <summary>One field of each kind of name or label, each with its validator.</summary>
    private static IEnumerable<(string Field, Func<string, FluentValidation.Results.ValidationResult> Validate)> Fields()
    {
        var details = new CampDetails("Steppe camp", "Almaty", new DateOnly(2027, 7, 1), new DateOnly(2027, 7, 5), 60, ["KZ"], ["en"], ["Poverty"]);
        yield return ("display name", n => new RedeemInviteValidator().Validate(new RedeemInvite(new string('A', 43), n, "k1")));
        yield return ("invite label", n => new IssueInviteValidator().Validate(new IssueInvite(CampRole.Judge, n, 1, 24, "k1")));
        yield return ("camp name", n => new CreateCampValidator().Validate(new CreateCamp(details with { Name = n }, "k1")));
        yield return ("camp theme", n => new CreateCampValidator().Validate(new CreateCamp(details with { Themes = [n] }, "k1")));
        yield return ("team name", n => new AddTeamValidator().Validate(new AddTeam(n, "Poverty", "k1")));
        yield return ("team theme", n => new AddTeamValidator().Validate(new AddTeam("Team one", n, "k1")));
    }

    [Theory]
    [MemberData(nameof(Spoofs))]
    public void Direction_controls_and_invisible_characters_are_refused_in_every_name_and_label(string text)
    {
        var accepted = Fields().Where(f => f.Validate(text).Errors.All(e => e.ErrorCode != PlainTextRules.ErrorCode)).Select(f => f.Field);
        Assert.Empty(accepted);
    }

    [Theory]
    [InlineData("Zarina Karimova")]
    [InlineData("Шахзод Рахимов")]
    [InlineData("Ғайратжон Қодиров")]
    [InlineData("محمد\u200Cرضا")]            // Persian name with ZERO WIDTH NON-JOINER between letters
    [InlineData("Team 👩\u200D💻 builders")] // emoji sequence joined by ZERO WIDTH JOINER
    public void Ordinary_names_in_any_script_are_accepted(string text)
    {
        var refused = Fields().Where(f => !f.Validate(text).IsValid).Select(f => f.Field);
        Assert.Empty(refused);
    }

    [Fact]
    public void The_refusal_is_explained_in_english_and_in_russian()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            var english = new AddTeamValidator().Validate(new AddTeam("Team\u202E", "Poverty", "k1")).Errors.Single().ErrorMessage;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
            var russian = new AddTeamValidator().Validate(new AddTeam("Team\u202E", "Poverty", "k1")).Errors.Single().ErrorMessage;

            Assert.Equal(PlainTextRules.Messages["en"], english);
            Assert.Equal(PlainTextRules.Messages["ru"], russian);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
