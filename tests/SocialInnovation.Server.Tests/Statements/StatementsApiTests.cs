using System.Net;
using System.Net.Http.Json;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Polls;
using SocialInnovation.Server.Polls;
using SocialInnovation.Server.Statements;
using SocialInnovation.Server.Tests.Camps;
using SocialInnovation.Statements;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Statements;

public sealed class StatementsApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static ProposeStatement Statement(string title, string key) =>
        new(title, $"{title}: families in our district feel it every day.", "Families in Dushanbe's suburbs", key);

    private async Task<(ApiClient Organizer, Guid CampId, List<ApiClient> Participants)> CampFormingTeams(params string[] names)
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var participants = new List<ApiClient>();
        foreach (var name in names) participants.Add(await fixture.Member(organizer, camp.CampId, CampRole.Participant, name));
        foreach (var (from, to) in new[] { (CampPhase.Draft, CampPhase.Applications), (CampPhase.Applications, CampPhase.Selection), (CampPhase.Selection, CampPhase.Teams) })
            await organizer.ChangePhase(camp.CampId, from, to);
        return (organizer, camp.CampId, participants);
    }

    [Fact]
    public async Task Participants_propose_statements_the_vote_is_on_them_a_merge_moves_the_dots_and_the_top_K_become_teams()
    {
        var (organizer, campId, people) = await CampFormingTeams("Aida", "Timur", "Daler");
        var url = $"/api/camps/{campId}/statements";
        await people[0].Read<StatementView>(await people[0].Post(url, Statement("Youth unemployment", "st-1")));
        await people[1].Read<StatementView>(await people[1].Post(url, Statement("Air pollution", "st-2")));
        var poll = await organizer.Read<PollTally>(await organizer.Post($"/api/camps/{campId}/polls", new OpenPoll("Which problems?", null, 3, "poll-st")));
        // Proposed while voting runs: a new option at once.
        var late = await people[2].Read<StatementView>(await people[2].Post(url, Statement("No jobs after university", "st-3")));
        (await people[2].Post(url, Statement("No jobs after university", "st-3"))).EnsureSuccessStatusCode(); // a retry

        var votes = new[] { new Dictionary<string, int> { ["o1"] = 1, ["o3"] = 2 }, new() { ["o2"] = 3 }, new() { ["o3"] = 3 } };
        for (var i = 0; i < 3; i++)
            (await people[i].Post($"/api/camps/{campId}/polls/{poll.PollId}/votes", new CastDots(votes[i], $"v-{i}"))).EnsureSuccessStatusCode();
        var merged = await organizer.Read<StatementsView>(await organizer.Post($"{url}/merge", new MergeStatements(late.Id, "s1", "merge-1")));
        var chosen = await organizer.Read<ThemesChosen>(await organizer.Post($"{url}/themes", new ChooseThemes(1, 6, "themes-1")));
        var again = await organizer.Read<ThemesChosen>(await organizer.Post($"{url}/themes", new ChooseThemes(1, 6, "themes-2")));

        var tally = (await people[0].Get<PollView>($"/api/camps/{campId}/polls/{poll.PollId}")).Tally;
        Assert.Equal(["Youth unemployment", "Air pollution"], poll.Options.Select(o => o.Label));
        Assert.Equal("o3", late.OptionId);
        Assert.Equal(3, merged.Statements.Count);
        Assert.Equal("s1", merged.Statements.Single(s => s.Id == late.Id).MergedInto);
        Assert.True(tally.Closed);
        Assert.Equal([6, 3], tally.Options.Select(o => o.Dots));
        Assert.Equal("Youth unemployment", Assert.Single(chosen.Teams).Theme);
        Assert.Single(again.Teams);
        Assert.Equal(["s1"], chosen.Statements.Statements.Where(s => s.Chosen).Select(s => s.Id));
        var camp = await people[1].Get<CampSnapshot>($"/api/camps/{campId}");
        Assert.Contains("Youth unemployment", camp.Details.Themes);
        var mine = await people[2].Get<StatementsView>(url);
        Assert.Equal([late.Id], mine.Statements.Where(s => s.Mine).Select(s => s.Id));
    }

    [Fact]
    public async Task Statements_are_proposed_only_while_the_camp_forms_teams()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var participant = await fixture.Member(organizer, camp.CampId, CampRole.Participant, "Aida");

        var early = await participant.Post($"/api/camps/{camp.CampId}/statements", Statement("Youth unemployment", "st-early"));

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("statement.phase", (await early.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
        Assert.Empty((await organizer.Get<StatementsView>($"/api/camps/{camp.CampId}/statements")).Statements);
    }

    [Fact]
    public async Task Choosing_themes_before_the_vote_is_open_is_refused()
    {
        var (organizer, campId, _) = await CampFormingTeams();

        var refused = await organizer.Post($"/api/camps/{campId}/statements/themes", new ChooseThemes(3, 6, "themes-early"));

        Assert.Equal("statement.no-vote", (await refused.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
    }
}
