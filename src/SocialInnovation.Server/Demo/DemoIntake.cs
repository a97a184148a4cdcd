using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.Grains.Applications;
using SocialInnovation.Grains.Common;
using SocialInnovation.People;
using SocialInnovation.Platform;
using SocialInnovation.Polls;
using SocialInnovation.Selection;
using SocialInnovation.Server.Camps;
using SocialInnovation.Server.Hosting;
using SocialInnovation.Server.Invites;
using SocialInnovation.Server.Polls;
using SocialInnovation.Server.Teams;
using SocialInnovation.Teams;

namespace SocialInnovation.Server.Demo;

/// <summary>
/// Seeds "SICamp Almaty demo" (Demo:Seed and Demo:Intake): 120 applications from five countries for 60
/// places, reviewed, partly decided and confirmed, a closed problem vote and five teams with members, so
/// a newcomer can look at intake with realistic numbers. It goes through the same grains as the API and
/// is seeded once: a later start finds the camp and leaves it as the newcomer left it.
/// </summary>
public sealed class DemoIntake(IGrainFactory grains, PlatformSettings settings, InviteLinks links, DemoConsole console) : IHostedService
{
    public const string Key = "demo-sicamp";
    public const int Applicants = 120;

    private static readonly string[] Countries = ["KZ", "KG", "TJ", "UZ", "AF"];
    private static readonly string[] Themes = ["Corruption", "Unemployment", "Poverty", "Environment", "Healthcare", "Education"];
    private static readonly Dictionary<string, (string[] First, string[] Last, string[] Cities)> People = new()
    {
        ["KZ"] = (["Aida", "Nurlan", "Aigerim", "Yerlan", "Dana", "Arman", "Saule", "Timur"], ["Nurlanovna", "Sadykov", "Bekova", "Tulegenov", "Omarova", "Zhakupov"], ["Almaty", "Astana", "Shymkent", "Karaganda"]),
        ["KG"] = (["Aizada", "Bakyt", "Chynara", "Emil", "Gulzat", "Nurbek", "Aibek", "Meerim"], ["Asanova", "Toktogulov", "Sydykova", "Mamytov", "Abdyldaeva", "Osmonov"], ["Bishkek", "Osh", "Karakol", "Naryn"]),
        ["TJ"] = (["Farrukh", "Malika", "Daler", "Nigora", "Sino", "Parviz", "Zarina", "Rustam"], ["Rahimov", "Saidova", "Nazarov", "Karimova", "Sharipov", "Davlatova"], ["Dushanbe", "Khujand", "Bokhtar", "Kulob"]),
        ["UZ"] = (["Bakhrom", "Dilnoza", "Jasur", "Kamola", "Sardor", "Madina", "Otabek", "Shahnoza"], ["Yusupov", "Tashkentova", "Ergashev", "Alimova", "Karimov", "Rakhimova"], ["Tashkent", "Samarkand", "Bukhara", "Namangan"]),
        ["AF"] = (["Ahmad", "Farida", "Hamid", "Mariam", "Najib", "Shabnam", "Wahid", "Zahra"], ["Rahimi", "Noori", "Sultani", "Haidari", "Amiri", "Karimi"], ["Kabul", "Herat", "Mazar-i-Sharif", "Balkh"]),
    };
    private static readonly string[] Roles = ["Designer", "Developer", "Student", "NGO coordinator", "Journalist", "Teacher", "Data analyst", "Entrepreneur"];
    private static readonly string[] Skills = ["design", "research", "python", "web", "data", "writing", "video", "fundraising", "law", "public speaking"];
    private static readonly string[] Organisations = ["Green Steppe NGO", "Youth Bank", "Open Data Club", "", "Women in Tech", "University debate club", "Local library", ""];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.SeedDemo || !settings.SeedDemoIntake) return;
        var organizerId = await grains.GetGrain<IPlatformGrain>(IPlatformGrain.Key).GetOrganizerId()
                          ?? throw new InvalidOperationException("The organizer key is not set up.");
        var campId = CampCreation.IdFor(organizerId, Key);
        var camp = grains.GetGrain<ICampGrain>(campId);
        if (await camp.GetSnapshot() is null) await Seed(campId, camp, organizerId);
        // Listed on every start, so a demo seeded before polls were listed shows its vote too.
        await grains.GetGrain<ICampPollsGrain>(campId).Add(PollsApi.IdFor(campId, "demo-poll"));
        // A fresh reviewer link every start (tokens are stored hashed, so an older one cannot be shown again).
        var reviewer = Check(await camp.IssueInvite(new SocialInnovation.Invites.IssueInvite(CampRole.Reviewer, "Demo reviewer", 5, 24 * 7, $"demo-reviewer-{Guid.NewGuid():N}"), organizerId));
        console.Add(DemoConsole.Intake, () => $"""

            SICamp Almaty demo (intake): {Applicants} applications from five countries for 60 places, a closed problem vote, five teams.
            Sign in with the organizer key at {links.BaseUrl(null)}/signin; the camp is under "My camps".
               Selection          {links.BaseUrl(null)}/camps/{campId}/selection
               Problem vote       {links.BaseUrl(null)}/camps/{campId}/vote  (big screen: {links.BaseUrl(null)}/camps/{campId}/vote/screen)
               Teams              {links.BaseUrl(null)}/camps/{campId}/teams
               Application form   {links.BaseUrl(null)}/camps/{campId}/apply  (closed: the camp is past Applications)
            A reviewer (reads and scores the applications, cannot decide): {links.For(reviewer.Token!)}

            """);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task Seed(Guid campId, ICampGrain camp, Guid organizerId)
    {
        var startsOn = (settings.DemoStartsOn ?? DateOnly.FromDateTime(DateTime.UtcNow)).AddDays(30);
        var details = new CampDetails("SICamp Almaty demo", "Almaty", startsOn, startsOn.AddDays(5), 60, Countries, ["en", "ru"], Themes);
        Check(await CampCreation.Create(grains, new CreateCamp(details, Key), organizerId, "Organizer"));
        Check(await camp.ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Applications, "demo-intake-open"), "Organizer"));

        var selection = grains.GetGrain<ISelectionGrain>(campId);
        Check(await selection.Configure(new ConfigureSelection(SelectionSettings.DefaultPrivacyText, 72,
            [new CountryQuota("AF", 8, 14), new CountryQuota("KZ", 8, 16)], 0, "demo-intake-quotas")));
        // Ten applicants at a time: each is its own grain, so the seed takes seconds, not a minute.
        var rows = new List<(ApplicationRow Row, double Score)>();
        foreach (var batch in Enumerable.Range(0, Applicants).Chunk(10))
            rows.AddRange(await Task.WhenAll(batch.Select(i => Apply(campId, selection, organizerId, i))));

        Check(await camp.ChangePhase(new ChangePhase(CampPhase.Applications, CampPhase.Selection, "demo-intake-select"), "Organizer"));
        var participants = await Decide(campId, selection, rows);
        await VoteAndFormTeams(campId, participants);
        await RankTeams(campId, participants);
    }

    /// <summary>
    /// Every participant ranks three of the teams (not published): the organizer's "Form teams" page has
    /// rankings to suggest from and a suggestion to publish. The self-joined members stay until then.
    /// </summary>
    private async Task RankTeams(Guid campId, List<(Guid PersonId, string Name)> participants)
    {
        var teams = (await grains.GetGrain<ICampGrain>(campId).GetSnapshot())!.Teams.Select(t => t.TeamId).ToList();
        if (teams.Count == 0) return;
        var formation = grains.GetGrain<ITeamFormationGrain>(campId);
        for (var i = 0; i < participants.Count; i++)
        {
            var choices = Enumerable.Range(0, Math.Min(3, teams.Count)).Select(k => teams[(i * 2 + k * (1 + i % 2)) % teams.Count]).Distinct().ToList();
            Check(await formation.Rank(participants[i].PersonId, new RankThemes(choices, $"demo-rank-{i}"), teams));
        }
    }

    /// <summary>The demo's two reviewers: each scores every application on every default criterion.</summary>
    private static readonly (Guid Id, string Name, string[] Notes)[] Reviewers =
    [
        (Secrets.StableGuid("demo-reviewer:aigerim"), "Aigerim Sadykova", ["Clear motivation.", "Needs a stronger team story.", "Good NGO track record.", "Mostly theory so far."]),
        (Secrets.StableGuid("demo-reviewer:bakhtiyor"), "Bakhtiyor Rakhimov", ["Would mix well with others.", "Skills fit the themes.", "Motivation feels generic.", "Strong local network."]),
    ];

    private async Task<(ApplicationRow Row, double Score)> Apply(Guid campId, ISelectionGrain selection, Guid organizerId, int i)
    {
        var form = FormFor(i);
        var application = grains.GetGrain<IApplicationGrain>(ApplicationIds.For(campId, form.Email));
        var row = Check(await application.Submit(campId, form, $"demo-apply-{i}", links.BaseUrl(null)));
        Check(await selection.Record(row));
        var level = 1 + (i * 7 + i / 5) % 5;
        var scored = ScoreSummary.None;
        for (var r = 0; r < Reviewers.Length; r++)
        {
            // Around the applicant's level, one criterion up or down, so the reviewers' spread varies.
            var scores = SelectionCriteria.Default.Criteria
                .Select((c, k) => new CriterionScore(c.Id, Math.Clamp(level + (i + k * (r + 1)) % 3 - 1, 1, 5))).ToList();
            var (id, name, notes) = Reviewers[r];
            scored = Check(await application.Review(id, name, new ReviewApplication(scores, notes[(i + r) % notes.Length], $"demo-review-{i}-{r}")));
        }
        Check(await selection.RecordScore(row.ApplicationId, scored));
        return (row, scored.Mean ?? 0);
    }

    /// <summary>Accepts the best 50 (as the quotas allow), waitlists the next 20, rejects the lowest scores; 30 confirm.</summary>
    private async Task<List<(Guid PersonId, string Name)>> Decide(Guid campId, ISelectionGrain selection, List<(ApplicationRow Row, double Score)> rows)
    {
        var ranked = rows.OrderByDescending(r => r.Score).ThenBy(r => r.Row.SubmittedAt).ToList();
        var accepted = 0;
        var participants = new List<(Guid, string)>();
        for (var i = 0; i < ranked.Count; i++)
        {
            var (row, score) = ranked[i];
            var entry = (await selection.Get(row.ApplicationId))!;
            var decision = accepted < 50 ? DecisionKind.Accepted : i < 90 ? DecisionKind.Waitlisted : score < 2 ? DecisionKind.Rejected : (DecisionKind?)null;
            if (decision is null) continue;
            var decided = await selection.Decide(new Decide(row.ApplicationId, decision.Value, entry.Version, $"demo-decide-{i}"));
            if (decided.Error is { Code: "selection.quota" })
                decided = await selection.Decide(new Decide(row.ApplicationId, DecisionKind.Waitlisted, entry.Version, $"demo-decide-w-{i}"));
            if (Check(decided).Status != ApplicationStatus.Accepted) continue;
            if (accepted++ >= 30) continue;
            Check(await selection.Confirm(row.ApplicationId));
            var personId = ApplicationIds.PersonFor(row.ApplicationId);
            await DemoMembers.Admit(grains, campId, personId, row.Name, CampRole.Participant);
            participants.Add((personId, row.Name));
        }
        return participants;
    }

    /// <summary>Every participant spreads 3 dots; the top five problems become teams that 25 of them join.</summary>
    private async Task VoteAndFormTeams(Guid campId, List<(Guid PersonId, string Name)> participants)
    {
        var pollId = PollsApi.IdFor(campId, "demo-poll");
        var poll = grains.GetGrain<IPollGrain>(pollId);
        Check(await poll.Open(campId, new OpenPoll("Which problems should we work on?", Themes, 3, "demo-poll")));
        for (var i = 0; i < participants.Count; i++)
        {
            var dots = new Dictionary<string, int> { [$"o{i % 5 + 1}"] = 2, [$"o{(i * 3 + 1) % 6 + 1}"] = 1 };
            if (dots.Count == 1) dots[$"o{i % 5 + 1}"] = 3;
            Check(await poll.Vote(participants[i].PersonId, new CastDots(dots, $"demo-vote-{i}")));
        }
        var tally = Check(await poll.Close("demo-poll-close"));
        var camp = grains.GetGrain<ICampGrain>(campId);
        var winners = tally.Options.OrderByDescending(o => o.Dots).Take(5).ToList();
        for (var t = 0; t < winners.Count; t++)
        {
            var snapshot = Check(await camp.AddTeam(new AddTeam(winners[t].Label, winners[t].Label, $"demo-team-{t}")));
            var team = snapshot.Teams.Single(x => x.Name == winners[t].Label);
            await TeamsApi.OpenTeam(grains, campId, team, 8);
            foreach (var member in participants.Skip(t * 5).Take(5))
                Check(await grains.GetGrain<ITeamGrain>(team.TeamId).Join(member.PersonId, member.Name));
        }
    }

    private static ApplicationForm FormFor(int i)
    {
        var country = Countries[i % 5];
        var (first, last, cities) = People[country];
        var name = $"{first[i / 5 % first.Length]} {last[i / 7 % last.Length]}";
        var email = $"{name.ToLowerInvariant().Replace(' ', '.')}.{i}@example.org";
        return new ApplicationForm(name, email, country, cities[i % cities.Length], Organisations[i % Organisations.Length],
            Roles[i % Roles.Length], [Skills[i % Skills.Length], Skills[(i * 3 + 1) % Skills.Length]], ["ru", "en"],
            $"I want to work on {Themes[i % Themes.Length].ToLowerInvariant()} in {cities[i % cities.Length]}: I have seen what it does to people my age.",
            i % 3 == 0 ? "A friend" : i % 3 == 1 ? "Instagram" : "My university", true, i % 4 == 0 ? "en" : "ru");
    }

    private static T Check<T>(SocialInnovation.Common.Outcome<T> outcome) =>
        outcome.Error is { } e ? throw new InvalidOperationException($"Seeding the intake demo failed: {e.Code}: {e.Detail}") : outcome.Value!;
}
