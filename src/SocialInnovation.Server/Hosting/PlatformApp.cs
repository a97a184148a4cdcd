using System.Text.Json.Serialization;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Applications;
using SocialInnovation.Server.Boards;
using SocialInnovation.Server.Camps;
using SocialInnovation.Server.Common;
using SocialInnovation.Server.Demo;
using SocialInnovation.Server.Invites;
using SocialInnovation.Server.Languages;
using SocialInnovation.Server.Live;
using SocialInnovation.Server.Mail;
using SocialInnovation.Server.Platform;
using SocialInnovation.Server.Polls;
using SocialInnovation.Server.Teams;
using SocialInnovation.Server.Selection;
using SocialInnovation.Server.Session;

namespace SocialInnovation.Server.Hosting;

/// <summary>Builds the whole platform: silo, APIs, hub and SPA in one process. Tests start it the same way.</summary>
public static class PlatformApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var settings = PlatformSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);

        builder.AddCampSilo(settings);
        AddWeb(builder.Services, settings);
        builder.Services.AddMail(builder.Configuration);
        builder.AddSecurityHeaders();
        builder.Services.AddRateLimits(RateLimitSettings.From(builder.Configuration));
        builder.Services.AddSingleton(LiveLimits.From(builder.Configuration));
        builder.Services.AddSingleton(LiveLimits.Timing(builder.Configuration));

        // Hosted services start in this order, after the silo: the organizer key exists before the
        // demo camp is seeded, and this node listens for camp events before it serves a request.
        builder.Services.AddSingleton<LiveNode>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveNode>());
        // Grains of this silo hand their events for browsers here straight to it (see ILocalLiveNode).
        builder.Services.AddSingleton<Grains.Live.ILocalLiveNode>(sp => sp.GetRequiredService<LiveNode>());
        builder.Services.AddHostedService<OrganizerKeys>();
        builder.Services.AddSingleton<DemoConsole>();
        builder.Services.AddHostedService<DemoCamp>();
        builder.Services.AddHostedService<DemoIntake>();
        builder.Services.AddSingleton<SocialInnovation.Server.Applications.CampFormLimits>();
        // Capabilities add their demo data here, each in its own block so parallel work merges cleanly.
        // boards (issue 16)
        builder.Services.AddHostedService<DemoBoards>();

        // mentors and artifacts (issue 17)
        builder.Services.AddHostedService<DemoMentors>();
        // The demo plays its past sessions at real lengths through the ordinary commands (DemoClock); without
        // the demo the clock stays the system's.
        if (settings.SeedDemo) builder.Services.AddSingleton<TimeProvider>(new DemoClock(TimeProvider.System));

        // judging (issue 18)
        builder.Services.AddHostedService<DemoAudience>();
        builder.Services.AddSingleton<SocialInnovation.Server.Audience.AudienceCodes>();

        // problem statements (issue 15)
        builder.Services.AddHostedService<DemoStatements>();

        // team formation (issue 15): invite-joined participants with and without a skill profile
        builder.Services.AddHostedService<DemoTeamProfiles>();

        var app = builder.Build();
        MapAll(app);
        return app;
    }

    private static void AddWeb(IServiceCollection services, PlatformSettings settings)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // The framework's own refusals (a body that is not JSON, a wrong content type) get a
            // sentence and a code like ours.
            if (c.ProblemDetails.Extensions.ContainsKey("code")) return;
            // A body cut off while it was read is the same refusal as one refused by its length.
            c.ProblemDetails.Extensions["code"] = c.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge
                ? "request.too-large"
                : $"http.{c.ProblemDetails.Status}";
            c.ProblemDetails.Detail ??= c.ProblemDetails.Status == StatusCodes.Status400BadRequest
                ? "The request body is missing, is not JSON, or has a value of the wrong type."
                : null;
        });
        // A lambda, not a method group: the XML-comment generator intercepts only this form of the call,
        // and with a method group every description vanished from the document.
        services.AddOpenApi(options => OpenApiSchemaNames.RefuseClashes(options));
        services.AddPlatformCompression();
        services.AddHealthChecks().AddCheck<LiveNodeHealth>("live-node");
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Numbers are JSON numbers only (the web defaults also read "5"), so the OpenAPI document and the
            // web app's generated types say `number`, not `number | string`.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // Limits first, so that a flood is refused before it reaches the access check's grains.
        services.AddSignalR(o =>
            {
                o.AddFilter<ConnectionLimits>();
                o.AddFilter<HubAccessFilter>();
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddCampCookie();
        services.AddDataProtection().SetApplicationName("SocialInnovation");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(_ => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new BlobKeyRepository(new BlobServiceClient(settings.StorageConnectionString)
                .GetBlobContainerClient("dataprotection").GetBlobClient("keys.xml"))));
        services.AddCommandValidators();
        services.AddSingleton<AccessCheck>();
        services.AddSingleton<StreamKinds>();
        services.AddStreamKind<CampStream>();
        services.AddStreamKind<PollStream>();
        // Capabilities register here, each in its own block so parallel work merges cleanly.
        // boards (issue 16)
        services.AddSingleton<BoardAccess>();
        services.AddStreamKind<BoardStream>();
        services.AddStreamKind<PresenceStream>();
        // One journal table per state container, as the reminders' table, so deployments and test runs sharing an account keep apart.
        services.AddSingleton<SocialInnovation.Grains.Boards.IBoardJournal>(sp => new TableBoardJournal(
            new Azure.Data.Tables.TableServiceClient(settings.StorageConnectionString)
                .GetTableClient("boardjournal" + new string(settings.StateContainer.Where(char.IsAsciiLetterOrDigit).ToArray())),
            sp.GetRequiredService<ILogger<TableBoardJournal>>()));

        // mentors and artifacts (issue 17)
        services.AddStreamKind<SocialInnovation.Server.Mentors.MentorStream>();
        services.AddStreamKind<SocialInnovation.Server.Mentors.QueueStream>();
        services.AddStreamKind<SocialInnovation.Server.Mentors.MentoringStream>();
        services.AddOptions<SocialInnovation.Grains.Mentors.HelpQueueOptions>().BindConfiguration("Mentors");
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Artifacts").Get<SocialInnovation.Server.Artifacts.ArtifactSettings>() ?? new());
        services.AddSingleton(sp => new SocialInnovation.Server.Artifacts.ArtifactStore(new BlobServiceClient(settings.StorageConnectionString)
            .GetBlobContainerClient(sp.GetRequiredService<SocialInnovation.Server.Artifacts.ArtifactSettings>().Container)));
        services.AddSingleton<SocialInnovation.Server.Artifacts.DownloadLinks>();
        services.AddStreamKind<SocialInnovation.Server.Artifacts.ArtifactsStream>();
        services.AddStreamKind<SocialInnovation.Server.Artifacts.GalleryStream>();

        // team formation (issue 15)
        services.AddStreamKind<SocialInnovation.Server.Teams.TeamsStream>();

        // judging (issue 18)
        services.AddStreamKind<SocialInnovation.Server.Judging.JudgingStream>();
        // audience polls' votes as a journal of table rows (issue 19)
        SocialInnovation.Server.Polls.PollJournal.AddPollJournal(services, settings);

        // selection (issue 15)
        services.AddStreamKind<SelectionStream>();

        services.AddExceptionHandler<ServerFailures>();
        services.AddSingleton<HubAccessFilter>();
        services.AddSingleton<ConnectionLimits>();
        services.AddSingleton<LiveConnections>();
        // Pushes go through per-connection outboxes (slow consumers are dropped and told to resync).
        services.AddSingleton<HubLifetimeManager<CampHub>, LiveLifetimeManager>();
        services.AddSingleton<InviteLinks>();
    }

    private static void MapAll(WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBodyLimits(BodyLimits.Configured(app.Configuration));
        app.UseResponseCompression();
        app.UsePlatformLocalization();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi();
        app.MapHealthChecks("/health");
        // SignalR's own limit on one message is 32 KB (relevant when a browser falls back to long polling).
        app.MapHub<CampHub>("/hubs/camp").BodyLimit(32 * 1024);

        var api = app.MapGroup("/api");
        api.AddEndpointFilter<AccessFilter>();
        api.AddEndpointFilter<ValidationFilter>();
        api.MapSessionApi().MapCampsApi().MapInvitesApi().MapApplicationsApi().MapSelectionApi().MapPollsApi().MapTeamsApi().MapLanguageApi();
        // Capabilities map their endpoints here, each in its own block so parallel work merges cleanly.
        // boards (issue 16)
        api.MapBoardsApi();

        // mentors and artifacts (issue 17)
        SocialInnovation.Server.Mentors.MentorsApi.MapMentorsApi(api);
        SocialInnovation.Server.Mentors.HelpQueueApi.MapHelpQueueApi(api);
        SocialInnovation.Server.Mentors.SessionsApi.MapSessionsApi(api);
        SocialInnovation.Server.Artifacts.ArtifactsApi.MapArtifactsApi(api);
        SocialInnovation.Server.Artifacts.GalleryApi.MapGalleryApi(api);
        SocialInnovation.Server.Mentors.OverviewApi.MapMentoringOverviewApi(api);

        // team formation (issue 15)
        SocialInnovation.Server.Teams.FormationApi.MapFormationApi(api);
        SocialInnovation.Server.Teams.ProfileApi.MapProfileApi(api);

        // judging (issue 18)
        SocialInnovation.Server.Judging.JudgingApi.MapJudgingApi(api);
        SocialInnovation.Server.Audience.AudienceApi.MapAudienceApi(api);
        SocialInnovation.Server.Awards.ResultsApi.MapResultsApi(api);

        // problem statements (issue 15)
        SocialInnovation.Server.Statements.StatementsApi.MapStatementsApi(api);
        // Unknown API paths answer as an API would, not with the SPA's page.
        app.MapFallback("/api/{**path}", () => Problems.From(SocialInnovation.Common.DomainError.NotFound("api.unknown", "There is no such API endpoint.")))
            .Anyone();
        app.MapFallbackToFile("index.html");
    }
}
