using SocialInnovation.Camps;
using SocialInnovation.Grains.Common;
using SocialInnovation.People;
using SocialInnovation.Platform;
using SocialInnovation.Polls;
using SocialInnovation.Server.Camps;
using SocialInnovation.Server.Hosting;
using SocialInnovation.Server.Polls;
using SocialInnovation.Statements;

namespace SocialInnovation.Server.Demo;

/// <summary>
/// Gives "TechBootCamp demo" the problem statements its participants put up (in English and Russian, as
/// at the real camp in Dushanbe), an open dot-vote on them with 14 participants' dots in, and one
/// duplicate pair — "Youth unemployment" and "Нет работы для выпускников" — for the organizer to merge
/// and watch the dots move. Seeded once: a camp that has statements keeps them.
/// </summary>
public sealed class DemoStatements(IGrainFactory grains, PlatformSettings settings) : IHostedService
{
    public const string PollKey = "demo-statements-poll";

    private static readonly (string Author, string Title, string Description, string Affected)[] Proposals =
    [
        ("Farrukh N.", "Corruption in public procurement", "Tenders for school repairs go to the same few firms; prices are double the market and nobody can see the contracts.", "Parents and pupils of district schools"),
        ("Dilnoza R.", "Youth unemployment", "Half of my classmates have no job a year after graduating; employers ask for experience nobody can get.", "Graduates aged 18-25"),
        ("Малика С.", "Бедность в сельских семьях", "Семьи в горных кишлаках живут на переводы мигрантов; когда переводов нет, детям не хватает еды и тёплой одежды.", "Семьи трудовых мигрантов в сёлах"),
        ("Timur A.", "Air pollution in winter", "Coal boilers and old cars make the winter air in Dushanbe dangerous; children with asthma stay at home for weeks.", "Children and older people in the city"),
        ("Зарина К.", "Доступ к здравоохранению", "До ближайшей поликлиники два часа пути, а очереди к врачу — на недели вперёд; люди лечатся сами и поздно.", "Жители отдалённых районов"),
        ("Behruz M.", "Waste burning in courtyards", "Without regular collection people burn rubbish next to their houses; the smoke and plastic fumes stay in the yards.", "Families in apartment blocks"),
        ("Шахноза Т.", "Нет работы для выпускников", "После колледжа невозможно найти первую работу: нет стажировок, а вакансии расходятся через знакомых.", "Выпускники колледжей и вузов"),
    ];

    /// <summary>The 14 participants whose dots are in (their names as the camp page and the roster show them).</summary>
    public static readonly IReadOnlyList<string> Voters =
    [
        "Farrukh Nazarov", "Dilnoza Rahimova", "Malika Saidova", "Timur Aliev", "Zarina Karimova", "Behruz Mirzoev",
        "Shakhnoza Tursunova", "Parviz Davlatov", "Nilufar Yusupova", "Jamshed Rakhimov", "Sitora Kholova",
        "Firuz Sharipov", "Mehrona Qodirova", "Alisher Umarov",
    ];

    /// <summary>Dots per voter, by statement index (s1 … s7); 14 participants with 3 dots each.</summary>
    private static readonly int[][] Dots =
    [
        [2, 1, 0, 0, 0, 0, 0], [0, 2, 0, 0, 0, 0, 1], [0, 0, 3, 0, 0, 0, 0], [1, 0, 0, 2, 0, 0, 0], [0, 0, 0, 0, 3, 0, 0],
        [0, 1, 0, 0, 0, 0, 2], [0, 0, 1, 1, 1, 0, 0], [3, 0, 0, 0, 0, 0, 0], [0, 0, 0, 1, 0, 2, 0], [0, 2, 0, 0, 1, 0, 0],
        [0, 0, 0, 0, 0, 0, 3], [1, 0, 1, 0, 1, 0, 0], [0, 0, 2, 0, 0, 0, 1], [0, 0, 0, 3, 0, 0, 0],
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.SeedDemo) return;
        var organizerId = await grains.GetGrain<IPlatformGrain>(IPlatformGrain.Key).GetOrganizerId();
        if (organizerId is null) return;
        var campId = CampCreation.IdFor(organizerId.Value, DemoCamp.Key);
        if (await grains.GetGrain<ICampGrain>(campId).GetSnapshot() is null) return;
        // The voters are the camp's participants, so the camp page counts them ("Participants: 14", not 0).
        for (var v = 0; v < Voters.Count; v++)
            await DemoMembers.Admit(grains, campId, VoterId(campId, v), Voters[v], CampRole.Participant);
        var statements = grains.GetGrain<ICampStatementsGrain>(campId);
        if ((await statements.List()).PollId is not null) return;

        for (var i = 0; i < Proposals.Length; i++)
        {
            var (author, title, description, affected) = Proposals[i];
            Check(await statements.Propose(Person(campId, author), author, new ProposeStatement(title, description, affected, $"demo-statement-{i}")));
        }
        var pollId = PollsApi.IdFor(campId, PollKey);
        Check(await statements.OpenVote(campId, pollId, new OpenPoll("Which problems should our teams work on? · Над какими проблемами работать?", null, 3, PollKey)));
        await grains.GetGrain<ICampPollsGrain>(campId).Add(pollId);

        var options = (await statements.List()).Statements.Select(s => s.OptionId!).ToList();
        var poll = grains.GetGrain<IPollGrain>(pollId);
        for (var v = 0; v < Dots.Length; v++)
        {
            var allocation = Dots[v].Select((n, i) => (Option: options[i], n)).Where(x => x.n > 0).ToDictionary(x => x.Option, x => x.n);
            Check(await poll.Vote(VoterId(campId, v), new CastDots(allocation, $"demo-statement-vote-{v}")));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static Guid Person(Guid campId, string name) => Secrets.StableGuid($"demo-statements:{campId:N}:{name}");

    /// <summary>The voter <paramref name="v"/> of <see cref="Voters"/>: the same person on every start (and in the boards' teams).</summary>
    public static Guid VoterId(Guid campId, int v) => Person(campId, $"voter-{v}");

    private static T Check<T>(SocialInnovation.Common.Outcome<T> outcome) =>
        outcome.Error is { } refused ? throw new InvalidOperationException($"Seeding the demo statements failed: {refused.Detail}") : outcome.Value!;
}
