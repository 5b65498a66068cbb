package dev.signals.example.orders.services;

import dev.signals.example.orders.http.Body;
import dev.signals.example.orders.http.Endpoint;
import dev.signals.example.orders.http.Request;
import dev.signals.example.orders.http.Response;

/** The user service: {@code POST /users/lookup {"user_id"}} answers the user's profile, or 404. */
public final class UserService implements Endpoint {

    private final UserDirectory users;

    public UserService(UserDirectory users) {
        this.users = users;
    }

    @Override
    public Response handle(Request request) {
        if (!request.route().equals("POST /users/lookup")) {
            return Response.error(404, "no_such_route", request.route());
        }
        UserDirectory.User user = users.find(request.body().string("user_id"));
        if (user == null) {
            return Response.error(404, "unknown", "no user " + request.body().string("user_id"));
        }
        return Response.ok(Body.of("user_id", user.id(), "tier", user.tier(), "region", user.region(),
                "email", user.email(), "blocked", user.blocked()));
    }
}
