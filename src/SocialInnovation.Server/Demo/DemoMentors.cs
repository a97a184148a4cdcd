using SocialInnovation.Artifacts;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Mentors;
using SocialInnovation.People;
using SocialInnovation.Platform;
using SocialInnovation.Server.Artifacts;
using SocialInnovation.Server.Camps;
using SocialInnovation.Server.Hosting;
using SocialInnovation.Server.Invites;
using SocialInnovation.Server.Mentors;
using Secrets = SocialInnovation.Grains.Common.Secrets;

namespace SocialInnovation.Server.Demo;

/// <summary>
/// Mentoring in "TechBootCamp demo": two mentors with profiles and office hours (one booked slot starts
/// in a few minutes, so the "starts soon" notice shows), three finished sessions with feedback, action
/// items and ratings (one from the help queue, two a mentor opened), a team waiting in the help queue, and
/// a deck for every team (real one-page PDFs, Clean Air's in two versions) and PNG mock-ups, uploaded
/// through the same checks as the API. Seeded once: a camp with mentors is left alone.
/// </summary>
public sealed class DemoMentors(IGrainFactory grains, PlatformSettings settings, ArtifactStore store, ArtifactSettings artifactSettings,
    InviteLinks links, DemoConsole console, TimeProvider clock) : IHostedService
{
    private sealed record DemoMentor(string Name, string[] Tags, string Bio, string Availability)
    {
        public Guid Id => Secrets.StableGuid($"demo-mentor:{Name}");
    }

    private static readonly DemoMentor Dilnoza = new("Dilnoza Karimova", ["ux", "research", "pitch"],
        "Product designer in Tashkent; ran user research for two fintech apps. Говорю по-русски и по-узбекски.", "Afternoons, 14:00–18:00");
    private static readonly DemoMentor Rustam = new("Rustam Saidov", ["android", "backend", "data"],
        "Android and backend developer; builds offline-first apps for clinics in Khatlon.", "Mornings and by request");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.SeedDemo) return;
        if (await grains.GetGrain<IPlatformGrain>(IPlatformGrain.Key).GetOrganizerId() is not { } organizerId) return;
        var campId = CampCreation.IdFor(organizerId, DemoCamp.Key);
        console.Add(DemoConsole.Mentoring, () => $"""
               Mentoring (help queue, sessions, organizer's overview): {links.BaseUrl(null)}/camps/{campId}/mentoring
               Gallery of decks and prototypes:                         {links.BaseUrl(null)}/camps/{campId}/gallery

            """);
        if (await grains.GetGrain<ICampGrain>(campId).GetSnapshot() is not { } camp) return;
        // The demo's mentors are the camp's members, as a mentor who redeemed an invite is, so the camp page
        // counts them ("Mentors: 2", not 0).
        foreach (var mentor in new[] { Dilnoza, Rustam }) await DemoMembers.Admit(grains, campId, mentor.Id, mentor.Name, CampRole.Mentor);
        if ((await grains.GetGrain<IMentorshipGrain>(campId).GetMentors()).Count > 0) return;
        var team = camp.Teams.ToDictionary(t => t.Name, t => t.TeamId);
        if (!new[] { "Open Budget", "Clean Air", "Clinic Finder", "First Job" }.All(team.ContainsKey)) return;

        var now = clock.GetUtcNow();
        var soon = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(8);
        var dilnoza = await Profile(campId, Dilnoza);
        var rustam = await Profile(campId, Rustam);
        var slotSoon = await Slot(dilnoza, soon, 30);
        var slotLater = await Slot(dilnoza, soon.AddHours(2), 30);
        await Slot(dilnoza, soon.AddHours(3), 30);
        await Slot(rustam, soon.AddHours(1), 45);
        await Slot(rustam, soon.AddHours(4), 30);
        Ok(await dilnoza.Book(team["Clean Air"], "Clean Air", new BookSlot(Dilnoza.Id, slotSoon, "demo-book-1")));
        Ok(await dilnoza.Book(team["Open Budget"], "Open Budget", new BookSlot(Dilnoza.Id, slotLater, "demo-book-2")));

        // The past sessions happened earlier today and lasted as long as real ones (18, 22 and 12 minutes),
        // so the help queue's estimate and the organizer's overview read like a real camp's.
        await FinishedSession(campId, team["Open Budget"], "Open Budget", startedAgo: TimeSpan.FromMinutes(110), minutes: 18);
        await OpenedSession(campId, team["First Job"], "First Job", Rustam, "Which backend for a job board on weak 3G?",
            "Keep the data on the phone and sync when there is signal; a plain REST API is enough.\nНе делайте регистрацию обязательной.",
            ["Cache the job list on the phone", "Measure the first screen on a 3G profile"], 4, "Clear and practical.", TimeSpan.FromMinutes(75), 22);
        await OpenedSession(campId, team["Clean Air"], "Clean Air", Dilnoza, "Interview plan for parents",
            "Ask about the last bad-air day, not about the app. Five parents are enough for the first round.",
            ["Write five interview questions"], 5, "Спасибо, теперь понятно, с чего начать.", TimeSpan.FromMinutes(40), 12);
        var queue = grains.GetGrain<IHelpQueueGrain>(campId);
        using (DemoClock.Rewound(TimeSpan.FromMinutes(4)))
            Ok(await queue.Raise(team["Clinic Finder"], "Clinic Finder", new RaiseHand("Как протестировать прототип с медсёстрами, у которых нет времени?", ["research", "ux"], "demo-raise-2")));

        var uploader = (Id: Secrets.StableGuid("demo-participant:Madina"), Name: "Madina");
        await Upload(campId, team["Open Budget"], uploader, ArtifactKind.Deck, "Open Budget – pitch.pdf",
            DemoFiles.PitchDeck("Open Budget", "Where do the district's taxes go?", "A map of school spending, in Tajik and Russian."));
        await Upload(campId, team["Clean Air"], uploader, ArtifactKind.Deck, "Clean Air pitch v1.pdf",
            DemoFiles.PitchDeck("Clean Air", "PM2.5 sensors on school roofs", "Alerts for parents when the air is bad."));
        await Upload(campId, team["Clean Air"], uploader, ArtifactKind.Deck, "Clean Air pitch v2.pdf",
            DemoFiles.PitchDeck("Clean Air", "PM2.5 sensors on five school roofs", "An SMS to parents when the air is bad, in Tajik and Russian."));
        await Upload(campId, team["Clean Air"], uploader, ArtifactKind.Prototype, "air-map-mockup.png", DemoFiles.MockupPng(14, 116, 144));
        await Upload(campId, team["Clinic Finder"], uploader, ArtifactKind.Deck, "Clinic Finder.pdf",
            DemoFiles.PitchDeck("Clinic Finder", "The nearest open clinic, offline", "Opening hours and queues from the nurses themselves."));
        await Upload(campId, team["First Job"], uploader, ArtifactKind.Deck, "First Job pitch.pdf",
            DemoFiles.PitchDeck("First Job", "Graduates meet employers", "A profile that works on any phone, even on 3G."));
        await Upload(campId, team["First Job"], uploader, ArtifactKind.Prototype, "graduate-profile.png", DemoFiles.MockupPng(124, 58, 237));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<IMentorGrain> Profile(Guid campId, DemoMentor mentor)
    {
        var grain = grains.Mentor(campId, mentor.Id);
        Ok(await grain.SaveProfile(campId, mentor.Id, mentor.Name,
            new SaveMentorProfile(mentor.Tags, ["ru", "en"], mentor.Bio, mentor.Availability, 0, $"demo-profile-{mentor.Id:N}")));
        return grain;
    }

    private static async Task<Guid> Slot(IMentorGrain mentor, DateTimeOffset start, int minutes)
    {
        var calendar = Ok(await mentor.PublishSlot(new PublishSlot(start, minutes, $"demo-slot-{start:yyyyMMddHHmm}")));
        return calendar.Slots.Single(s => s.Start == start).SlotId;
    }

    /// <summary>
    /// A hand raised and taken (<paramref name="startedAgo"/>), a session with notes and action items, ended
    /// <paramref name="minutes"/> later, then one item ticked and the session rated.
    /// </summary>
    private async Task FinishedSession(Guid campId, Guid teamId, string teamName, TimeSpan startedAgo, int minutes)
    {
        var queue = grains.GetGrain<IHelpQueueGrain>(campId);
        var sessions = grains.GetGrain<ITeamMentoringGrain>(teamId);
        var ended = startedAgo - TimeSpan.FromMinutes(minutes);
        HelpRequest request;
        MentorSession session;
        using (DemoClock.Rewound(startedAgo + TimeSpan.FromMinutes(6)))
            request = Ok(await queue.Raise(teamId, teamName, new RaiseHand("Our pitch is too long: what do we cut?", ["pitch"], "demo-raise-1")));
        using (DemoClock.Rewound(startedAgo))
        {
            Ok(await queue.Take(Dilnoza.Id, Dilnoza.Name, Dilnoza.Tags, new TakeRequest(request.RequestId, "demo-take-1")));
            session = Ok(await sessions.Start(campId, teamName, Dilnoza.Id, Dilnoza.Name,
                new StartSession(HelpQueueApi.SessionFor(request.RequestId), request.Topic, request.RequestId, "demo-take-1")));
        }
        using (DemoClock.Rewound(ended + TimeSpan.FromMinutes(2)))
        {
            session = Ok(await sessions.WriteNotes(Dilnoza.Id, new WriteNotes(session.SessionId,
                "Start with one parent's story, not with the budget law. Keep three slides: problem, prototype, ask.\nСократите слайд с командой до одной строки.",
                "Show me the new version on Thursday at 11:00.", session.Version, "demo-notes-1")));
            Ok(await sessions.AddActionItem(Dilnoza.Id, new AddActionItem(session.SessionId, "Rewrite the opening as one parent's story", "demo-item-1")));
            session = Ok(await sessions.AddActionItem(Dilnoza.Id, new AddActionItem(session.SessionId, "Сократить презентацию до 5 слайдов", "demo-item-2")));
        }
        using (DemoClock.Rewound(ended))
        {
            Ok(await sessions.End(Dilnoza.Id, new EndSession(session.SessionId, "demo-end-1")));
            Ok(await queue.Finish(request.RequestId));
        }
        using (DemoClock.Rewound(ended - TimeSpan.FromMinutes(10)))
        {
            Ok(await sessions.Tick(new TickActionItem(session.SessionId, session.ActionItems[0].ItemId, true, "demo-tick-1")));
            Ok(await sessions.Rate(Guid.Empty, new RateSession(session.SessionId, 5, "Очень полезно, спасибо!", "demo-rate-1")));
        }
    }

    /// <summary>
    /// A session a mentor opened with a team (a hallway talk) <paramref name="startedAgo"/>, with notes and
    /// action items (the first ticked), ended <paramref name="minutes"/> later and rated.
    /// </summary>
    private async Task OpenedSession(Guid campId, Guid teamId, string teamName, DemoMentor mentor, string topic, string notes,
        string[] items, int stars, string comment, TimeSpan startedAgo, int minutes)
    {
        var sessions = grains.GetGrain<ITeamMentoringGrain>(teamId);
        var key = $"demo-session-{teamId:N}";
        var ended = startedAgo - TimeSpan.FromMinutes(minutes);
        MentorSession session;
        using (DemoClock.Rewound(startedAgo))
            session = Ok(await sessions.Start(campId, teamName, mentor.Id, mentor.Name, new StartSession(Secrets.StableGuid(key), topic, null, key)));
        using (DemoClock.Rewound(ended + TimeSpan.FromMinutes(2)))
        {
            session = Ok(await sessions.WriteNotes(mentor.Id, new WriteNotes(session.SessionId, notes, "", session.Version, $"{key}-notes")));
            for (var i = 0; i < items.Length; i++)
                session = Ok(await sessions.AddActionItem(mentor.Id, new AddActionItem(session.SessionId, items[i], $"{key}-item-{i}")));
        }
        using (DemoClock.Rewound(ended))
            Ok(await sessions.End(mentor.Id, new EndSession(session.SessionId, $"{key}-end")));
        using (DemoClock.Rewound(ended - TimeSpan.FromMinutes(5)))
        {
            Ok(await sessions.Tick(new TickActionItem(session.SessionId, session.ActionItems[0].ItemId, true, $"{key}-tick")));
            Ok(await sessions.Rate(Guid.Empty, new RateSession(session.SessionId, stars, comment, $"{key}-rate")));
        }
    }

    /// <summary>Through the same checks as an upload from the page: type by magic bytes, archive limits, a new version.</summary>
    private async Task Upload(Guid campId, Guid teamId, (Guid Id, string Name) by, ArtifactKind kind, string fileName, byte[] bytes)
    {
        var artifacts = grains.GetGrain<ITeamArtifactsGrain>(teamId);
        var ticket = Ok(await artifacts.Begin(campId, by.Id, by.Name, new BeginUpload(kind, fileName, bytes.Length, $"demo-upload-{Secrets.StableGuid(fileName):N}"), artifactSettings.MaxBytes(kind)));
        var upload = (await artifacts.GetUpload(ticket.UploadId))!;
        await store.StageBlock(upload.BlobName, 0, new MemoryStream(bytes));
        var (type, name, size) = Ok(await ArtifactChecks.CheckAndCommit(store, artifactSettings, upload, 1));
        Ok(await artifacts.Complete(ticket.UploadId, type.ContentType, name, size));
    }

    private static T Ok<T>(Outcome<T> outcome) =>
        outcome.Error is { } e ? throw new InvalidOperationException($"Seeding the demo mentors failed: {e.Code} {e.Detail}") : outcome.Value!;
}
