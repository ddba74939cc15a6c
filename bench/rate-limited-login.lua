-- wrk script: password sign-ins for an account whose sign-in limit is used up (every answer a 429).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"username":"bench-user","password":"violet tram sings backwards"}'
