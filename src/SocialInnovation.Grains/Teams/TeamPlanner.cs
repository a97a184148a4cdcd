using SocialInnovation.Teams;

namespace SocialInnovation.Grains.Teams;

/// <summary>
/// Suggests teams: everyone is placed, every team's size stays within the bounds, first choices are
/// honoured as far as the bounds allow, and countries, skills and languages are mixed. Pure and
/// deterministic: the same people, rankings and teams give the same suggestion in any input order.
/// </summary>
/// <remarks>
/// The rule, in order:
/// <list type="number">
/// <item>Bounds: by default min = ⌊people ÷ teams⌋ − 1 (at least 1) and max = ⌈people ÷ teams⌉ + 1; bounds
/// that no assignment can meet are widened to ⌊people ÷ teams⌋ and ⌈people ÷ teams⌉.</item>
/// <item>Choice rounds: first choices, then second, then third. A team wanted by more people than it has
/// places left takes, one place at a time, the person who adds most it lacks (a country not yet in it
/// counts 3, fewer of one country is better, each new skill or language counts 1); ties go to a fixed
/// order of the person ids, never to who ranked first or whose name comes first.</item>
/// <item>Everyone still unplaced (no ranking, or all their choices full) goes to a team below the minimum
/// first, then the smallest, then the one they mix best.</item>
/// <item>A team below its minimum takes, one at a time, the person from a team above its minimum who loses
/// least by moving (their rank of the new team minus that of the old; an unranked team counts as 4th).</item>
/// <item>Mixing: two people swap teams when neither had either team among their choices and the swap
/// makes the two teams more mixed (at most a few passes).</item>
/// </list>
/// </remarks>
public static class TeamPlanner
{
    private const int Unchosen = 3;
    private const int MixPasses = 3;

    public sealed record Plan(IReadOnlyList<Placement> Placements, ChoiceReport Report, int MinSize, int MaxSize);

    /// <summary>The bounds the planner uses for these numbers (see the rule).</summary>
    public static (int Min, int Max) Bounds(int people, int teams, int? min, int? max)
    {
        if (teams <= 0) return (0, 0);
        var low = people / teams;
        var high = (people + teams - 1) / teams;
        var useMin = Math.Min(min ?? Math.Max(1, low - 1), low);
        var useMax = Math.Max(max ?? high + 1, high);
        return (useMin, useMax);
    }

    public static Plan Suggest(IReadOnlyList<ParticipantProfile> people, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> rankings,
        IReadOnlyList<Guid> teamIds, int? min = null, int? max = null)
    {
        if (teamIds.Count == 0) throw new ArgumentException("Teams are needed to place people in.", nameof(teamIds));
        var (low, high) = Bounds(people.Count, teamIds.Count, min, max);
        var index = teamIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var persons = people.DistinctBy(p => p.PersonId).OrderBy(p => p.PersonId)
            .Select((p, order) => new Person(p, order, Choices(rankings.GetValueOrDefault(p.PersonId), index)))
            .ToList();
        var teams = teamIds.Select(_ => new Team()).ToList();

        ChoiceRounds(persons, teams, high);
        PlaceTheRest(persons, teams, low, high);
        FillToMinimum(persons, teams, low);
        Mix(teams);

        var placements = persons.Select(p => new Placement(p.Profile, teamIds[p.Team], p.Choices.Select(c => teamIds[c]).ToList(),
            p.Cost(p.Team) is var cost && cost < Unchosen ? cost + 1 : null)).ToList();
        var report = new ChoiceReport(
            placements.Count(p => p.Choice == 1), placements.Count(p => p.Choice == 2), placements.Count(p => p.Choice == 3),
            placements.Count(p => p.Choice is null && p.Choices.Count > 0), placements.Count(p => p.Choices.Count == 0));
        return new Plan(placements, report, low, high);
    }

    private static List<int> Choices(IReadOnlyList<Guid>? ranking, Dictionary<Guid, int> index) =>
        (ranking ?? []).Where(index.ContainsKey).Select(t => index[t]).Distinct().Take(3).ToList();

    private static void ChoiceRounds(List<Person> persons, List<Team> teams, int high)
    {
        for (var round = 0; round < 3; round++)
        {
            var wanting = persons.Where(p => p.Team < 0 && p.Choices.Count > round).GroupBy(p => p.Choices[round]);
            foreach (var group in wanting.OrderBy(g => g.Key))
            {
                var team = teams[group.Key];
                var candidates = group.ToList();
                while (candidates.Count > 0 && team.Size < high)
                {
                    var best = candidates.MaxBy(p => (team.Gain(p), -p.Order))!;
                    candidates.Remove(best);
                    Move(best, group.Key, teams);
                }
            }
        }
    }

    private static void PlaceTheRest(List<Person> persons, List<Team> teams, int low, int high)
    {
        foreach (var person in persons.Where(p => p.Team < 0))
        {
            var target = Enumerable.Range(0, teams.Count).Where(t => teams[t].Size < high)
                .OrderBy(t => teams[t].Size < low ? 0 : 1).ThenBy(t => teams[t].Size).ThenByDescending(t => teams[t].Gain(person)).ThenBy(t => t)
                .First();
            Move(person, target, teams);
        }
    }

    private static void FillToMinimum(List<Person> persons, List<Team> teams, int low)
    {
        while (Enumerable.Range(0, teams.Count).FirstOrDefault(t => teams[t].Size < low, -1) is var needy and >= 0)
        {
            var mover = persons.Where(p => teams[p.Team].Size > low)
                .MinBy(p => (p.Cost(needy) - p.Cost(p.Team), -teams[needy].Gain(p), p.Order))!;
            Move(mover, needy, teams);
        }
    }

    private static void Mix(List<Team> teams)
    {
        for (var pass = 0; pass < MixPasses; pass++)
        {
            var swapped = false;
            var flexible = teams.SelectMany(t => t.Members).Where(p => p.Cost(p.Team) == Unchosen).OrderBy(p => p.Order).ToList();
            for (var i = 0; i < flexible.Count; i++)
            for (var j = i + 1; j < flexible.Count; j++)
            {
                var (a, b) = (flexible[i], flexible[j]);
                if (a.Team == b.Team || a.Cost(b.Team) != Unchosen || b.Cost(a.Team) != Unchosen) continue;
                var (ta, tb) = (teams[a.Team], teams[b.Team]);
                var before = ta.Score() + tb.Score();
                Swap(a, b, teams);
                if (ta.Score() + tb.Score() > before) swapped = true;
                else Swap(a, b, teams);
            }
            if (!swapped) return;
        }
    }

    private static void Swap(Person a, Person b, List<Team> teams)
    {
        var (ta, tb) = (a.Team, b.Team);
        Move(a, tb, teams);
        Move(b, ta, teams);
    }

    private static void Move(Person person, int team, List<Team> teams)
    {
        if (person.Team >= 0) teams[person.Team].Remove(person);
        teams[team].Add(person);
        person.Team = team;
    }

    private sealed class Person(ParticipantProfile profile, int order, List<int> choices)
    {
        public ParticipantProfile Profile { get; } = profile;
        public int Order { get; } = order;
        public List<int> Choices { get; } = choices;
        public int Team { get; set; } = -1;
        public string? Country { get; } = Key(profile.Country);
        public string[] Skills { get; } = profile.Skills.Select(Key).OfType<string>().Distinct().ToArray();
        public string[] Languages { get; } = profile.Languages.Select(Key).OfType<string>().Distinct().ToArray();

        /// <summary>0 for the first choice, 1 and 2 for the next; 3 for a team they did not choose.</summary>
        public int Cost(int team) => Choices.IndexOf(team) is var i and >= 0 ? i : Unchosen;

        private static string? Key(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
    }

    /// <summary>A team being built, with counts of what its members bring.</summary>
    private sealed class Team
    {
        private readonly Dictionary<string, int> _countries = [];
        private readonly Dictionary<string, int> _skills = [];
        private readonly Dictionary<string, int> _languages = [];

        public List<Person> Members { get; } = [];
        public int Size => Members.Count;

        /// <summary>How much the person adds that the team lacks.</summary>
        public int Gain(Person p)
        {
            var gain = 0;
            if (p.Country is { } c) gain += _countries.GetValueOrDefault(c) is var n && n == 0 ? 3 : -n;
            gain += p.Skills.Count(s => !_skills.ContainsKey(s));
            gain += p.Languages.Count(l => !_languages.ContainsKey(l));
            return gain;
        }

        /// <summary>How mixed the team is: distinct countries (3 each) less repeats of one country, distinct skills and languages.</summary>
        public int Score() => 3 * _countries.Count - _countries.Values.Sum(n => n - 1) + _skills.Count + _languages.Count;

        public void Add(Person p)
        {
            Members.Add(p);
            Count(p, +1);
        }

        public void Remove(Person p)
        {
            Members.Remove(p);
            Count(p, -1);
        }

        private void Count(Person p, int by)
        {
            if (p.Country is { } c) Bump(_countries, c, by);
            foreach (var s in p.Skills) Bump(_skills, s, by);
            foreach (var l in p.Languages) Bump(_languages, l, by);
        }

        private static void Bump(Dictionary<string, int> counts, string key, int by)
        {
            var n = counts.GetValueOrDefault(key) + by;
            if (n == 0) counts.Remove(key);
            else counts[key] = n;
        }
    }
}
