-- wrk script: each request is a new FAQ question turn (unique activity id, so deduplication never short-cuts it),
-- delivered with expectReplies so the bot answers in the HTTP body like the console chat does.
local counter = 0
request = function()
  counter = counter + 1
  local id = string.format("%d-%d", math.random(1, 1000000000), counter)
  local user = counter % 500
  local body = '{"type":"message","id":"' .. id .. '","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/amer/",' ..
    '"deliveryMode":"expectReplies","from":{"id":"29:load-' .. user .. '"},"recipient":{"id":"28:certbot"},' ..
    '"conversation":{"id":"a:load-' .. user .. '","conversationType":"personal"},"text":"' .. text .. '"}'
  return wrk.format("POST", "/api/messages", {["Content-Type"] = "application/json"}, body)
end
