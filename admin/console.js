// The admin console: plain JavaScript on the server API (/api), nothing else. The key lives in
// sessionStorage (gone with the tab); every call sends it as "Authorization: Bearer <key>".
'use strict';

const POLL_MS = 1000;
const $ = (id) => document.getElementById(id);
let key = sessionStorage.getItem('gateway-admin-key') || '';
let selectedRoom = '';
let timer = 0;

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body && { 'content-type': 'application/json' }) },
    body: body && JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const data = await response.json().catch(() => ({ message: response.statusText }));
  if (!response.ok) throw Object.assign(new Error(data.message || response.statusText), { status: response.status, code: data.error });
  return data;
}

/** Replaces a table body's rows; `cells` gives each row's cell texts (or nodes). */
function fill(tableId, rows, cells, decorate) {
  const body = $(tableId).tBodies[0];
  body.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement('tr');
      for (const cell of cells(row)) {
        const td = document.createElement('td');
        if (cell instanceof Node) td.append(cell);
        else td.textContent = String(cell);
        tr.append(td);
      }
      if (decorate) decorate(tr, row);
      return tr;
    }),
  );
}

async function login(event) {
  event.preventDefault();
  key = $('key').value.trim();
  try {
    await api('GET', '/admin/session');
    sessionStorage.setItem('gateway-admin-key', key);
    $('login-error').textContent = '';
    show(true);
  } catch (error) {
    key = '';
    $('login-error').textContent = error.status === 401 ? 'Wrong key.' : error.message;
  }
}

function show(loggedIn) {
  $('login').hidden = loggedIn;
  $('console').hidden = !loggedIn;
  $('logout').hidden = !loggedIn;
  clearTimeout(timer);
  if (loggedIn) void refresh();
}

async function refresh() {
  try {
    const [{ instances }, { rooms, missing_instances }] = await Promise.all([api('GET', '/api/instances'), api('GET', '/api/rooms')]);
    fill('instances', instances, (i) => [i.instance_id, i.connections, i.rooms, i.cpu_percent, i.event_loop_lag_ms, i.bus.ready ? 'up' : 'DOWN', i.bus.dropped]);
    $('rooms-missing').textContent = missing_instances.length ? `No answer from ${missing_instances.join(', ')}` : '';
    fill(
      'rooms',
      rooms,
      (r) => [r.room_id, r.kind, `${r.clients}/${r.max_clients}`, r.instance, r.tick_ms, r.bytes_per_second],
      (tr, r) => {
        tr.dataset.room = r.room_id;
        tr.classList.toggle('selected', r.room_id === selectedRoom);
        tr.onclick = () => select(r.room_id);
      },
    );
    if (selectedRoom) await refreshRoom();
    $('status').textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    if (error.status === 401) return logout();
    $('status').textContent = `error: ${error.message}`;
  }
  timer = setTimeout(refresh, POLL_MS);
}

function select(roomId) {
  selectedRoom = roomId;
  $('room').hidden = false;
  $('room-id').textContent = roomId;
  $('close-room-confirm').hidden = true;
  void refreshRoom();
}

/** The live view: the room detail, polled with the lists. */
async function refreshRoom() {
  try {
    const room = await api('GET', `/api/rooms/${encodeURIComponent(selectedRoom)}`);
    fill('members', room.members, (m) => [m.player_id, m.client_id, m.instance, `v${m.protocol}${m.parked ? ' (parked)' : ''}`, kickButton(m)]);
    $('state-meta').textContent = `frame ${room.frame}, ${room.state.entity_count} entities${room.state.truncated ? ' (first shown)' : ''}`;
    $('state').textContent = JSON.stringify(room.state.entities, null, 1);
  } catch (error) {
    if (error.status !== 404) throw error;
    $('room-id').textContent = `${selectedRoom} (gone)`;
    fill('members', [], () => []);
    $('state').textContent = '';
  }
}

function kickButton(member) {
  const button = document.createElement('button');
  button.textContent = 'Kick';
  button.className = 'kick';
  button.onclick = async () => {
    button.disabled = true;
    try {
      await api('POST', `/api/players/${encodeURIComponent(member.client_id)}/kick`, { reason: 'kicked by an admin' });
    } catch (error) {
      $('status').textContent = `kick failed: ${error.message}`;
    }
    await refreshRoom();
  };
  return button;
}

function logout() {
  key = '';
  sessionStorage.removeItem('gateway-admin-key');
  selectedRoom = '';
  $('room').hidden = true;
  show(false);
}

$('login').addEventListener('submit', login);
$('logout').addEventListener('click', logout);
$('close-room').addEventListener('click', () => ($('close-room-confirm').hidden = false));
$('close-room-confirm').addEventListener('click', async () => {
  $('close-room-confirm').hidden = true;
  try {
    await api('POST', `/api/rooms/${encodeURIComponent(selectedRoom)}/close`, { reason: 'closed by an admin' });
  } catch (error) {
    $('status').textContent = `close failed: ${error.message}`;
  }
  await refreshRoom();
});
show(Boolean(key));
