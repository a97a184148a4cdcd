using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SocialInnovation.Camps;
using SocialInnovation.Invites;
using SocialInnovation.People;
using SocialInnovation.Server.Invites;

namespace SocialInnovation.Testing;

/// <summary>A browser's worth of state for tests: a cookie jar, HTTP calls and a hub connection.</summary>
public sealed class ApiClient : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <param name="cookies">Share another client's jar to be the same person on another node.</param>
    public ApiClient(Uri address, CookieContainer? cookies = null)
    {
        Address = address;
        Cookies = cookies ?? new CookieContainer();
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http { get; }

    public Uri Address { get; }

    public Task<HttpResponseMessage> Post(string path, object? body) => Http.PostAsJsonAsync(path, body, Json);

    public async Task<T> Read<T>(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public async Task<T> Get<T>(string path) => await Read<T>(await Http.GetAsync(path));

    public async Task SignInOrganizer() =>
        (await Post("/api/session/organizer", new { key = PlatformHost.OrganizerKey })).EnsureSuccessStatusCode();

    public async Task<CampSnapshot> CreateCamp(string name = "SICamp Almaty", string? key = null)
    {
        var details = new CampDetails(name, "Almaty", new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 5), 60,
            ["KZ", "KG", "TJ", "UZ", "AF"], ["en", "ru"], ["Corruption", "Unemployment", "Poverty", "Environment", "Healthcare"]);
        return await Read<CampSnapshot>(await Post("/api/camps", new CreateCamp(details, key ?? Guid.NewGuid().ToString("N"))));
    }

    public async Task<InviteCreated> Invite(Guid campId, CampRole role, int maxUses = 1) =>
        await Read<InviteCreated>(await Post($"/api/camps/{campId}/invites",
            new IssueInvite(role, $"{role} invite", maxUses, 24, Guid.NewGuid().ToString("N"))));

    public async Task<InviteRedeemed> Redeem(string token, string? name, string? idempotencyKey = null) =>
        await Read<InviteRedeemed>(await Post("/api/invites/redeem", new RedeemInvite(token, name, idempotencyKey ?? Guid.NewGuid().ToString("N"))));

    public async Task<CampSnapshot> ChangePhase(Guid campId, CampPhase from, CampPhase to) =>
        await Read<CampSnapshot>(await Post($"/api/camps/{campId}/phase", new ChangePhase(from, to, Guid.NewGuid().ToString("N"))));

    /// <summary>A hub connection carrying this client's sign-in cookie, not yet started.</summary>
    public HubConnection Hub(Uri? at = null) => new HubConnectionBuilder()
        .WithUrl(new Uri(at ?? Address, "/hubs/camp"), o => o.Cookies = Cookies)
        .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
        .Build();

    public void Dispose() => Http.Dispose();
}
