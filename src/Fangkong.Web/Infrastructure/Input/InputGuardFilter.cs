using System.Reflection;
using System.Security.Claims;
using Fangkong.Common.Input;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Infrastructure.Input;

/// <summary>
/// Runs <see cref="InputGuard"/> on every argument an endpoint binds from the request (route,
/// query, form, body), before the handler: a bad text, number or date is refused with the
/// field's name, and nothing reaches a use case or the database.
/// </summary>
public static class InputGuardFilter
{
    /// <summary>Guards every endpoint of the group (or endpoint) it is added to.</summary>
    public static TBuilder AddInputGuard<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(Create);

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var guarded = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (parameter, index))
            .Where(p => IsFromRequest(p.parameter, services))
            .Select(p => new Guarded(p.index, NameOf(p.parameter), [.. p.parameter.GetCustomAttributes(true).OfType<Attribute>()]))
            .ToArray();
        if (guarded.Length == 0)
        {
            return next;
        }

        var time = context.ApplicationServices.GetService<TimeProvider>() ?? TimeProvider.System;
        return invocation =>
        {
            var now = time.GetUtcNow();
            foreach (var g in guarded)
            {
                if (InputGuard.Check(g.Name, invocation.Arguments[g.Index], g.Attributes, now) is { } error)
                {
                    return ValueTask.FromResult<object?>(InputRefusal.For(invocation.HttpContext, error));
                }
            }

            return next(invocation);
        };
    }

    private static bool IsFromRequest(ParameterInfo parameter, IServiceProviderIsService? services)
    {
        var type = parameter.ParameterType;
        if (parameter.IsDefined(typeof(FromServicesAttribute), true) || parameter.IsDefined(typeof(RawInputAttribute), true) || type == typeof(CancellationToken) || type == typeof(ClaimsPrincipal)
            || typeof(HttpContext).IsAssignableFrom(type) || typeof(IFormFile).IsAssignableFrom(type) || typeof(IFormFileCollection).IsAssignableFrom(type))
        {
            return false;
        }

        return services?.IsService(type) != true && InputGuard.IsInputType(type);
    }

    // A body's fields are named as in its JSON; a single value by its query, route or form name.
    private static string NameOf(ParameterInfo parameter)
    {
        var attributes = parameter.GetCustomAttributes(true);
        if (attributes.OfType<IFromBodyMetadata>().Any() || !IsSingleValue(parameter.ParameterType))
        {
            return string.Empty;
        }

        return attributes.OfType<IFromFormMetadata>().Select(a => a.Name).FirstOrDefault(n => n is not null)
            ?? attributes.OfType<IFromQueryMetadata>().Select(a => a.Name).FirstOrDefault(n => n is not null)
            ?? attributes.OfType<IFromRouteMetadata>().Select(a => a.Name).FirstOrDefault(n => n is not null)
            ?? parameter.Name ?? string.Empty;
    }

    private static bool IsSingleValue(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTimeOffset)
            || type == typeof(DateTime) || type == typeof(DateOnly) || type.IsArray || (type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type));
    }

    private sealed record Guarded(int Index, string Name, Attribute[] Attributes);
}
