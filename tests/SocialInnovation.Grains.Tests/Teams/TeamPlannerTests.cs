using SocialInnovation.Grains.Teams;
using SocialInnovation.Teams;

namespace SocialInnovation.Grains.Tests.Teams;

/// <summary>The planner behind "Suggest teams": bounds, choices, mixing, determinism.</summary>
public sealed class TeamPlannerTests
{
    private static readonly string[] Countries = ["KZ", "KG", "TJ", "UZ", "AF"];
    private static readonly string[] Skills = ["design", "research", "python", "web", "data", "writing", "video", "law"];

    private static (List<ParticipantProfile> People, Dictionary<Guid, IReadOnlyList<Guid>> Rankings, List<Guid> Teams) Camp(
        int people, int teams, int seed, double ranked = 0.9, int popular = -1)
    {
        var random = new Random(seed);
        var teamIds = Enumerable.Range(0, teams).Select(t => Guid.Parse($"00000000-0000-0000-0000-{t + 1:D12}")).ToList();
        var profiles = new List<ParticipantProfile>();
        var rankings = new Dictionary<Guid, IReadOnlyList<Guid>>();
        for (var i = 0; i < people; i++)
        {
            var id = new Guid(random.Next(), (short)random.Next(), (short)random.Next(), [.. Enumerable.Range(0, 8).Select(_ => (byte)random.Next(256))]);
            profiles.Add(new ParticipantProfile(id, $"Person {i}", Countries[random.Next(Countries.Length)],
                [Skills[random.Next(Skills.Length)], Skills[random.Next(Skills.Length)]], [random.Next(3) == 0 ? "en" : "ru"]));
            if (random.NextDouble() >= ranked) continue;
            var order = teamIds.OrderBy(_ => random.Next()).Take(3).ToList();
            if (popular >= 0 && !order.Contains(teamIds[popular])) order[0] = teamIds[popular];
            rankings[id] = order;
        }
        return (profiles, rankings, teamIds);
    }

    private static void AssertWithinBounds(TeamPlanner.Plan plan, int people, IReadOnlyList<Guid> teams)
    {
        Assert.Equal(people, plan.Placements.Count);
        Assert.Equal(people, plan.Placements.Select(p => p.Person.PersonId).Distinct().Count());
        var sizes = teams.Select(t => plan.Placements.Count(p => p.TeamId == t)).ToList();
        Assert.All(sizes, size => Assert.InRange(size, plan.MinSize, plan.MaxSize));
        var report = plan.Report;
        Assert.Equal(people, report.First + report.Second + report.Third + report.None + report.Unranked);
    }

    [Fact]
    public void Sixty_participants_in_five_teams_are_all_placed_within_the_default_bounds()
    {
        var (people, rankings, teams) = Camp(60, 5, seed: 1);

        var plan = TeamPlanner.Suggest(people, rankings, teams);

        Assert.Equal((11, 13), (plan.MinSize, plan.MaxSize));
        AssertWithinBounds(plan, 60, teams);
        Assert.True(plan.Report.First > plan.Report.Second, $"Most should get their first choice: {plan.Report}");
    }

    [Fact]
    public void A_thousand_participants_in_forty_teams_stay_within_bounds_even_when_one_theme_is_everyones_favourite()
    {
        var (people, rankings, teams) = Camp(1000, 40, seed: 2, popular: 7);

        var plan = TeamPlanner.Suggest(people, rankings, teams, min: 20, max: 30);

        Assert.Equal((20, 30), (plan.MinSize, plan.MaxSize));
        AssertWithinBounds(plan, 1000, teams);
        Assert.Equal(30, plan.Placements.Count(p => p.TeamId == teams[7]));
    }

    [Fact]
    public void Bounds_nobody_can_meet_are_widened_to_what_the_numbers_allow()
    {
        var (people, rankings, teams) = Camp(60, 5, seed: 3);

        var plan = TeamPlanner.Suggest(people, rankings, teams, min: 15, max: 8);

        Assert.Equal((12, 12), (plan.MinSize, plan.MaxSize));
        AssertWithinBounds(plan, 60, teams);
    }

    [Fact]
    public void When_every_team_can_take_its_fans_everyone_gets_their_first_choice()
    {
        var teams = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        var people = Enumerable.Range(0, 12).Select(i => new ParticipantProfile(Guid.NewGuid(), $"P{i}", "KZ", [], [])).ToList();
        var rankings = people.Select((p, i) => (p.PersonId, Choices: (IReadOnlyList<Guid>)[teams[i % 3], teams[(i + 1) % 3]]))
            .ToDictionary(x => x.PersonId, x => x.Choices);

        var plan = TeamPlanner.Suggest(people, rankings, teams);

        Assert.Equal(new ChoiceReport(12, 0, 0, 0, 0), plan.Report);
        Assert.All(plan.Placements, p => Assert.Equal(p.Choices[0], p.TeamId));
    }

    [Fact]
    public void An_oversubscribed_team_takes_its_maximum_mixed_by_country_and_the_rest_get_their_next_choices()
    {
        var teams = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        var people = Enumerable.Range(0, 12).Select(i => new ParticipantProfile(Guid.NewGuid(), $"P{i}", Countries[i % 5], [], [])).ToList();
        var rankings = people.ToDictionary(p => p.PersonId, _ => (IReadOnlyList<Guid>)[teams[0], teams[1], teams[2]]);

        var plan = TeamPlanner.Suggest(people, rankings, teams, min: 4, max: 4);

        Assert.Equal(new ChoiceReport(4, 4, 4, 0, 0), plan.Report);
        var firsts = plan.Placements.Where(p => p.TeamId == teams[0]).Select(p => p.Person.Country).ToList();
        Assert.Equal(4, firsts.Distinct().Count());
    }

    [Fact]
    public void The_same_camp_gives_the_same_suggestion_in_any_order()
    {
        var (people, rankings, teams) = Camp(200, 8, seed: 4);
        var shuffled = people.OrderBy(p => p.Name.GetHashCode(StringComparison.Ordinal) ^ 0x5f3759df).ToList();

        var once = TeamPlanner.Suggest(people, rankings, teams);
        var again = TeamPlanner.Suggest(shuffled, rankings.Reverse().ToDictionary(), teams);

        Assert.Equal(once.Placements.Select(p => (p.Person.PersonId, p.TeamId)), again.Placements.Select(p => (p.Person.PersonId, p.TeamId)));
        Assert.Equal(once.Report, again.Report);
    }

    [Fact]
    public void Participants_who_did_not_rank_are_spread_so_each_team_gets_several_countries()
    {
        var (people, _, teams) = Camp(50, 5, seed: 5);

        var plan = TeamPlanner.Suggest(people, new Dictionary<Guid, IReadOnlyList<Guid>>(), teams);

        AssertWithinBounds(plan, 50, teams);
        Assert.Equal(50, plan.Report.Unranked);
        Assert.All(teams, t => Assert.True(plan.Placements.Where(p => p.TeamId == t).Select(p => p.Person.Country).Distinct().Count() >= 4));
    }

    [Fact]
    public void Choices_of_teams_the_camp_does_not_have_are_ignored()
    {
        var teams = new List<Guid> { Guid.NewGuid(), Guid.NewGuid() };
        var person = new ParticipantProfile(Guid.NewGuid(), "Aida", null, [], []);

        var plan = TeamPlanner.Suggest([person], new Dictionary<Guid, IReadOnlyList<Guid>> { [person.PersonId] = [Guid.NewGuid(), teams[1]] }, teams);

        Assert.Equal(teams[1], plan.Placements.Single().TeamId);
        Assert.Equal(1, plan.Placements.Single().Choice);
    }
}
