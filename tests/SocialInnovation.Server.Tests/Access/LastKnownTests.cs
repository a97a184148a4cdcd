using System.Reflection;
using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using Orleans.Runtime;
using SocialInnovation.Common;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Live;
using SocialInnovation.Server.Session;

namespace SocialInnovation.Server.Tests.Access;

/// <summary>
/// While a person's grain cannot be reached (its silo was just killed), their session and role checks use what
/// the grain last answered, so their requests and re-watches go on; anything the grain answered, a refusal
/// included, stands as it is, and a session signed out here is never brought back.
/// </summary>
public sealed class LastKnownTests
{
    private static readonly Guid Camp = Guid.NewGuid();
    private readonly Person _person = new();
    private readonly ClaimsPrincipal _user;
    private readonly SessionCheck _sessions;
    private readonly AccessCheck _access;

    public LastKnownTests()
    {
        _user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(CallerIdentity.PersonIdClaim, _person.Id.ToString()), new Claim(SessionCheck.SessionIdClaim, "phone"), new Claim(SessionCheck.StampClaim, "0")],
            "test"));
        var grains = DispatchProxy.Create<IGrainFactory, Grains>();
        ((Grains)grains).Person = _person;
        var lastKnown = new LastKnown(new MemoryCache(new MemoryCacheOptions()));
        // No cache of its own: every check asks the grain, as one does once the check's few seconds have passed.
        _sessions = new SessionCheck(grains, new NoCache(), lastKnown, new ConfigurationBuilder().Build());
        _access = new AccessCheck(grains, new StreamKinds([]), lastKnown, new KnownFacts(new MemoryCache(new MemoryCacheOptions())));
    }

    [Fact]
    public async Task A_live_session_stays_live_while_the_persons_grain_cannot_be_reached()
    {
        Assert.True(await _sessions.IsLive(_user));

        _person.Reachable = false;

        Assert.True(await _sessions.IsLive(_user));
    }

    [Fact]
    public async Task A_session_the_grain_ended_stays_ended_while_it_cannot_be_reached()
    {
        _person.Stamp = 1; // signed out everywhere, on another node
        Assert.False(await _sessions.IsLive(_user));

        _person.Reachable = false;

        Assert.False(await _sessions.IsLive(_user));
    }

    [Fact]
    public async Task A_session_signed_out_on_this_node_is_not_brought_back_when_the_grain_cannot_be_reached()
    {
        Assert.True(await _sessions.IsLive(_user));
        await _sessions.End(_user);

        _person.Reachable = false;

        await Assert.ThrowsAsync<SiloUnavailableException>(async () => await _sessions.IsLive(_user));
    }

    [Fact]
    public async Task Without_an_earlier_answer_an_unreachable_grain_is_still_a_failure()
    {
        _person.Reachable = false;

        await Assert.ThrowsAsync<SiloUnavailableException>(async () => await _sessions.IsLive(_user));
        await Assert.ThrowsAsync<SiloUnavailableException>(() => _access.Check(_user, new SocialInnovation.Server.Access.Access.InCamp(SocialInnovation.Server.Access.Access.AnyRole), Camp));
    }

    [Fact]
    public async Task A_member_keeps_their_role_while_their_grain_cannot_be_reached_and_a_non_member_stays_out()
    {
        var rule = new SocialInnovation.Server.Access.Access.InCamp(new HashSet<CampRole> { CampRole.Organizer });
        var otherCamp = Guid.NewGuid();
        _person.Roles[Camp] = CampRole.Organizer;
        Assert.Equal(CampRole.Organizer, (await _access.Check(_user, rule, Camp)).Value!.Role);
        Assert.Equal("camp.unknown", (await _access.Check(_user, rule, otherCamp)).Error!.Code);

        _person.Reachable = false;

        Assert.Equal(CampRole.Organizer, (await _access.Check(_user, rule, Camp)).Value!.Role);
        Assert.Equal("camp.unknown", (await _access.Check(_user, rule, otherCamp)).Error!.Code);
    }

    [Fact]
    public async Task A_role_once_answered_is_not_asked_again_but_no_role_is_asked_every_time()
    {
        var rule = new SocialInnovation.Server.Access.Access.InCamp(SocialInnovation.Server.Access.Access.AnyRole);
        var laterCamp = Guid.NewGuid();
        _person.Roles[Camp] = CampRole.Participant;

        for (var i = 0; i < 3; i++) Assert.Equal(CampRole.Participant, (await _access.Check(_user, rule, Camp)).Value!.Role);
        Assert.Equal(1, _person.RoleQuestions);

        // Not a member yet: asked each time, so an invite redeemed since counts at once.
        Assert.Equal("camp.unknown", (await _access.Check(_user, rule, laterCamp)).Error!.Code);
        _person.Roles[laterCamp] = CampRole.Mentor;
        Assert.Equal(CampRole.Mentor, (await _access.Check(_user, rule, laterCamp)).Value!.Role);
        Assert.Equal(3, _person.RoleQuestions);
    }

    [Fact]
    public async Task A_failure_of_the_grain_itself_is_not_covered_up()
    {
        Assert.True(await _sessions.IsLive(_user));

        _person.Broken = true;

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await _sessions.IsLive(_user));
    }

    /// <summary>A person's grain that answers, or fails as a grain on a dead silo does, or fails in its own code.</summary>
    private sealed class Person : IPersonGrain
    {
        public Guid Id { get; } = Guid.NewGuid();
        public bool Reachable { get; set; } = true;
        public bool Broken { get; set; }
        public int Stamp { get; set; }
        public List<string> Ended { get; } = [];
        public Dictionary<Guid, CampRole> Roles { get; } = [];

        private Task<T> Answer<T>(Func<T> answer)
        {
            if (!Reachable) return Task.FromException<T>(new SiloUnavailableException("The person's silo was killed."));
            if (Broken) return Task.FromException<T>(new InvalidOperationException("The grain's own code failed."));
            return Task.FromResult(answer());
        }

        public Task<PersonSessions> GetSessions() => Answer(() => new PersonSessions(Stamp, Ended.ToArray()));
        public int RoleQuestions { get; private set; }
        public Task<CampRole?> GetRole(Guid campId) => Answer(() => { RoleQuestions++; return Roles.TryGetValue(campId, out var r) ? r : (CampRole?)null; });
        public Task EndSession(string sessionId) => Answer(() => { Ended.Add(sessionId); return true; });
        public Task EndAllSessions() => Answer(() => ++Stamp);
        public Task<PersonProfile?> GetProfile() => throw new NotSupportedException();
        public Task<CampRole> Join(Guid campId, CampRole role, string name) => throw new NotSupportedException();
        public Task<PersonSessions> JoinAsNew(Guid campId, CampRole role, string name) => throw new NotSupportedException();
        public Task BecomePlatformOrganizer(string name) => throw new NotSupportedException();
        public Task SetLanguage(string language) => throw new NotSupportedException();
        public Task<SkillProfile> GetSkills() => throw new NotSupportedException();
        public Task<Outcome<SkillProfile>> SaveSkills(SaveSkillProfile command) => throw new NotSupportedException();
    }

    /// <summary>A grain factory that knows one person.</summary>
    public class Grains : DispatchProxy
    {
        internal IPersonGrain Person { get; set; } = null!;

        protected override object? Invoke(MethodInfo? method, object?[]? args) =>
            method!.Name == nameof(IGrainFactory.GetGrain) && method.ReturnType == typeof(IPersonGrain) ? Person : throw new NotSupportedException(method.ToString());
    }

    /// <summary>A cache that keeps nothing.</summary>
    private sealed class NoCache : IMemoryCache
    {
        public ICacheEntry CreateEntry(object key) => new Entry(key);
        public void Remove(object key) { }
        public bool TryGetValue(object key, out object? value) { value = null; return false; }
        public void Dispose() { }

        private sealed class Entry(object key) : ICacheEntry
        {
            public object Key => key;
            public object? Value { get; set; }
            public DateTimeOffset? AbsoluteExpiration { get; set; }
            public TimeSpan? AbsoluteExpirationRelativeToNow { get; set; }
            public TimeSpan? SlidingExpiration { get; set; }
            public IList<IChangeToken> ExpirationTokens { get; } = [];
            public IList<PostEvictionCallbackRegistration> PostEvictionCallbacks { get; } = [];
            public CacheItemPriority Priority { get; set; }
            public long? Size { get; set; }
            public void Dispose() { }
        }
    }
}
