using FluentValidation;
using SocialInnovation.Common;

namespace SocialInnovation.Server.Common;

/// <summary>
/// Runs the FluentValidation validator of every argument that has one, before the handler: a request
/// that fails is answered with a problem and reaches no grain.
/// </summary>
public sealed class ValidationFilter(IServiceProvider services) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is null || services.GetService(typeof(IValidator<>).MakeGenericType(argument.GetType())) is not IValidator validator)
                continue;
            var result = await validator.ValidateAsync(new ValidationContext<object>(argument));
            if (!result.IsValid) return Problems.From(DomainError.Invalid(result));
        }
        return await next(context);
    }
}

public static class ValidationSetup
{
    /// <summary>Registers every validator that sits next to its command, in the Abstractions project and here.</summary>
    public static IServiceCollection AddCommandValidators(this IServiceCollection services)
    {
        var validators = new[] { typeof(SocialInnovation.Camps.CreateCampValidator).Assembly, typeof(ValidationSetup).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
                .Select(i => (Service: i, Implementation: t)));
        foreach (var (service, implementation) in validators) services.AddSingleton(service, implementation);
        return services;
    }
}
